import { describe, expect, it } from 'vitest';
import { defaultRateRules } from '../../src/server/core/shared/rate-rules.js';
import { countAttempt } from '../../src/server/core/shared/rate-rules.js';
import { loginCounters } from '../../src/server/core/accounts/log-in.js';
import { MemoryRateLimiter } from '../../src/server/memory/memory-rate-limiter.js';

const clock = { now: () => new Date('2026-12-01T10:00:00Z') };
const rule = { name: 'test', limit: 3, windowMs: 60_000 };

describe('the in-process rate limiter', () => {
  it('100,000 logins with random names leave it at its capacity, not above', async () => {
    const limiter = new MemoryRateLimiter(clock, 5_000);
    for (let i = 0; i < 100_000; i++) {
      const name = `random${Math.floor(Math.random() * 1e12)}`;
      await countAttempt(limiter, loginCounters(defaultRateRules, name, `10.0.${i % 256}.${i % 250}`)).catch(() => undefined);
    }
    expect(limiter.size).toBeLessThanOrEqual(5_000);
  });

  it('forgets the least recently used key first, so an active attacker’s count is kept', async () => {
    const limiter = new MemoryRateLimiter(clock, 3);
    for (let i = 0; i < 3; i++) await limiter.consume(rule, 'attacker');
    for (let i = 0; i < 10; i++) {
      await limiter.consume(rule, `noise${i}`);
      await limiter.peek(rule, 'attacker');
    }
    expect(await limiter.consume(rule, 'attacker')).toMatchObject({ ok: false });
  });

  it('refund gives one back, never below zero; reset forgets', async () => {
    const limiter = new MemoryRateLimiter(clock);
    for (let i = 0; i < 3; i++) await limiter.consume(rule, 'k');
    expect(await limiter.peek(rule, 'k')).toMatchObject({ ok: false });
    await limiter.refund(rule, 'k');
    expect(await limiter.consume(rule, 'k')).toEqual({ ok: true });
    await limiter.reset(rule, 'k');
    await limiter.refund(rule, 'k');
    for (let i = 0; i < 3; i++) expect(await limiter.consume(rule, 'k')).toEqual({ ok: true });
  });
});
