import type { Histogram } from 'prom-client';

type Observe = (operation: string, seconds: number) => void;

/** Times every method of every store into the histogram, labelled `store.method`. */
export function instrumentStores<S extends object>(stores: S, histogram: Histogram<'operation'>): S {
  const children = new Map<string, { observe(seconds: number): void }>();
  const observe: Observe = (operation, seconds) => {
    let child = children.get(operation);
    if (!child) children.set(operation, (child = histogram.labels({ operation })));
    child.observe(seconds);
  };
  const wrapped: Record<string, unknown> = {};
  for (const [name, store] of Object.entries(stores as Record<string, unknown>)) {
    wrapped[name] = typeof store === 'object' && store !== null ? timed(name, store, observe) : store;
  }
  return wrapped as S;
}

function timed(name: string, store: object, observe: Observe): object {
  const wrapped: Record<string, unknown> = {};
  for (const [method, value] of Object.entries(store)) {
    if (typeof value !== 'function') {
      wrapped[method] = value;
      continue;
    }
    const call = value as (...args: unknown[]) => unknown;
    const operation = `${name}.${method}`;
    wrapped[method] = async (...args: unknown[]) => {
      const start = performance.now();
      try {
        return await call.apply(store, args);
      } finally {
        observe(operation, (performance.now() - start) / 1000);
      }
    };
  }
  return wrapped;
}
