import { DomainError } from '../core/shared/domain-error.js';
import type { PasswordHasher } from '../core/accounts/ports.js';

export interface HashingBounds {
  /** Hashes computed at once: argon2id takes a core and 19 MiB each. */
  concurrency: number;
  /** Hashes waiting their turn; beyond it a request is refused at once. */
  queue: number;
}

const busy = () => new DomainError('UNAVAILABLE', 'The server is busy checking passwords; try again in a moment', { retryAfterMs: 1_000 });

/**
 * Password hashing is slow on purpose, which makes it the cheapest way to flood a server: a
 * request costs the client nothing and the server tens of milliseconds of a core. Bounded, a
 * flood of sign-ins waits in (or is refused at) this queue, while messages keep their cores.
 */
export function boundedHasher(inner: PasswordHasher, bounds: HashingBounds): PasswordHasher {
  let running = 0;
  const waiting: Array<() => void> = [];

  async function slot<T>(work: () => Promise<T>): Promise<T> {
    if (running >= bounds.concurrency) {
      if (waiting.length >= bounds.queue) throw busy();
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else running += 1;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  }

  return {
    hash: (password) => slot(() => inner.hash(password)),
    verify: (passwordHash, password) => slot(() => inner.verify(passwordHash, password)),
    refuseIfFull() {
      if (running >= bounds.concurrency && waiting.length >= bounds.queue) throw busy();
    },
  };
}
