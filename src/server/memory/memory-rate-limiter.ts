import type { Clock, RateLimiter, RateRule, RateVerdict } from '../core/shared/ports.js';

interface Window {
  startedAt: number;
  count: number;
}

/** Enough for every address and account a busy instance sees in a window. */
export const defaultLimiterCapacity = 100_000;

/**
 * Fixed-window counters for a single process. The map is bounded: past `capacity` keys the least
 * recently used window is forgotten, so 100,000 logins with random names cannot grow memory
 * without end. Forgetting a window only ever lets someone try again sooner, and only once the
 * limiter is flooded: at that point the per-address rules (one key per attacker) still hold.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly clock: Clock,
    private readonly capacity = defaultLimiterCapacity,
  ) {}

  get size(): number {
    return this.windows.size;
  }

  async consume(rule: RateRule, key: string): Promise<RateVerdict> {
    return this.count(rule, key, 1);
  }

  async peek(rule: RateRule, key: string): Promise<RateVerdict> {
    return this.count(rule, key, 0);
  }

  async refund(rule: RateRule, key: string): Promise<void> {
    const window = this.windows.get(windowId(rule, key));
    if (window && window.count > 0) window.count -= 1;
  }

  async reset(rule: RateRule, key: string): Promise<void> {
    this.windows.delete(windowId(rule, key));
  }

  private count(rule: RateRule, key: string, by: number): RateVerdict {
    const now = this.clock.now().getTime();
    const id = windowId(rule, key);
    let window = this.windows.get(id);
    if (!window || now - window.startedAt >= rule.windowMs) window = { startedAt: now, count: 0 };
    // Re-inserted on every use, so the map's first key is always the least recently used.
    this.windows.delete(id);
    this.windows.set(id, window);
    if (this.windows.size > this.capacity) this.windows.delete(this.windows.keys().next().value!);
    if (window.count >= rule.limit) return { ok: false, retryAfterMs: window.startedAt + rule.windowMs - now };
    window.count += by;
    return { ok: true };
  }
}

const windowId = (rule: RateRule, key: string) => `${rule.name}\u0000${key}`;

export const unlimited: RateLimiter = {
  consume: async () => ({ ok: true }),
  peek: async () => ({ ok: true }),
  refund: async () => undefined,
  reset: async () => undefined,
};
