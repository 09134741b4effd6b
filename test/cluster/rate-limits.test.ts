import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRateRules } from '../../src/server/core/rate-rules.js';
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
});
