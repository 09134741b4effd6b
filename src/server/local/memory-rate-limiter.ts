import type { Clock, RateLimiter, RateRule, RateVerdict } from '../core/ports.js';

interface Window {
  startedAt: number;
  count: number;
}

/** Fixed-window counters for a single process; windows are swept as they expire. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, Window>();
  private lastSweep = 0;

  constructor(private readonly clock: Clock) {}

  async consume(rule: RateRule, key: string): Promise<RateVerdict> {
    return this.count(rule, key, 1);
  }

  async peek(rule: RateRule, key: string): Promise<RateVerdict> {
    return this.count(rule, key, 0);
  }

  private count(rule: RateRule, key: string, by: number): RateVerdict {
    const now = this.clock.now().getTime();
    this.sweep(now, rule.windowMs);
    const id = `${rule.name}\u0000${key}`;
    let window = this.windows.get(id);
    if (!window || now - window.startedAt >= rule.windowMs) {
      window = { startedAt: now, count: 0 };
      this.windows.set(id, window);
    }
    if (window.count >= rule.limit) return { ok: false, retryAfterMs: window.startedAt + rule.windowMs - now };
    window.count += by;
    return { ok: true };
  }

  private sweep(now: number, windowMs: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [id, window] of this.windows) {
      if (now - window.startedAt >= Math.max(windowMs, 60 * 60_000)) this.windows.delete(id);
    }
  }
}

export const unlimited: RateLimiter = { consume: async () => ({ ok: true }), peek: async () => ({ ok: true }) };
