import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRateRules } from '../../src/server/core/shared/rate-rules.js';
import { RedisRateLimiter } from '../../src/server/redis/redis-rate-limiter.js';
import type { RedisClient } from '../../src/server/redis/scripts.js';
import { createRoom, send } from '../support/chat.js';
import { clusterSuite, clusterUnavailable } from '../support/cluster.js';
import { guest, waitForAnswer } from '../support/hearth.js';
import { testRedisUrl } from '../support/redis.js';

const skip = (await clusterUnavailable()) !== undefined;
const sendMessage = { name: 'message:send', limit: 5, windowMs: 60_000 };

describe.skipIf(skip)('rate limits shared by every process', () => {
  const suite = clusterSuite('limits', { overrides: { rateLimits: true }, deps: { rateRules: { ...defaultRateRules, sendMessage } } });
  const redis: RedisClient = createClient({ url: testRedisUrl });
  redis.on('error', () => undefined);
  beforeAll(async () => void (await redis.connect()));
  afterAll(() => redis.destroy());

  it('counts one user’s sends on both processes against one limit', async () => {
    const [a, b] = [suite.nodes[0]!, suite.nodes[1]!];
    const ann = await guest(a);
    const room = await createRoom(a, ann, 'chatty');
    const onA = await suite.open(a, ann.token);
    const onB = await suite.open(b, ann.token);
    for (let i = 0; i < 3; i++) expect((await send(onA, room.id, `a${i}`)).ok).toBe(true);
    for (let i = 0; i < 2; i++) expect((await send(onB, room.id, `b${i}`)).ok).toBe(true);

    for (const socket of [onA, onB]) {
      const refused = await send(socket, room.id, 'one too many');
      expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
      const retryAfterMs = refused.ok ? 0 : (refused.error.retryAfterMs ?? 0);
      expect(retryAfterMs).toBeGreaterThan(0);
      expect(retryAfterMs).toBeLessThanOrEqual(sendMessage.windowMs);
    }
  });

  it('peeks without counting, and opens again when the window ends', async () => {
    const limiter = new RedisRateLimiter(redis, suite.prefix);
    const rule = { name: 'peek-test', limit: 2, windowMs: 300 };
    expect(await limiter.peek(rule, 'k')).toEqual({ ok: true });
    expect(await limiter.consume(rule, 'k')).toEqual({ ok: true });
    expect(await limiter.peek(rule, 'k')).toEqual({ ok: true });
    expect(await limiter.consume(rule, 'k')).toEqual({ ok: true });
    expect(await limiter.peek(rule, 'k')).toMatchObject({ ok: false });
    expect(await limiter.consume(rule, 'k')).toMatchObject({ ok: false, retryAfterMs: expect.any(Number) });
    expect(await limiter.consume(rule, 'other')).toEqual({ ok: true });
    await waitForAnswer(async () => (await limiter.consume(rule, 'k')).ok, 'the window to end', 2_000);
  });

  it('refund gives one back and never goes below zero nor makes a key; reset forgets', async () => {
    const limiter = new RedisRateLimiter(redis, suite.prefix);
    const rule = { name: 'refund-test', limit: 2, windowMs: 60_000 };
    await limiter.consume(rule, 'k');
    await limiter.consume(rule, 'k');
    expect(await limiter.peek(rule, 'k')).toMatchObject({ ok: false });
    await limiter.refund(rule, 'k');
    expect(await limiter.peek(rule, 'k')).toEqual({ ok: true });
    await limiter.reset(rule, 'k');
    await limiter.refund(rule, 'k');
    expect(await redis.exists(`${suite.prefix}rate:refund-test:k`)).toBe(0);
    await limiter.refund(rule, 'never-counted');
    expect(await redis.exists(`${suite.prefix}rate:refund-test:never-counted`)).toBe(0);
  });

  it('a sign-in counted on one process is refused on the other: the parallel-flood rule holds across processes', async () => {
    const [a, b] = [suite.nodes[0]!, suite.nodes[1]!];
    const name = `flood${process.pid}`;
    const tries = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fetch(`${(i % 2 ? a : b).url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ login: name, password: 'wrong password' }),
        }).then((r) => r.status),
      ),
    );
    expect(tries.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(tries.filter((s) => s !== 401).every((s) => s === 429)).toBe(true);
  });
});
