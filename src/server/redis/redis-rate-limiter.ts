import { DomainError } from '../core/shared/domain-error.js';
import type { RateLimiter, RateRule, RateVerdict } from '../core/shared/ports.js';
import { asNumbers, runScript, script, type RedisClient } from './scripts.js';

// One INCR per attempt; the first of a window sets its expiry. A key that somehow lost its expiry
// (PTTL -1) gets one again, so a counter can never block forever.
const consumeScript = script(`
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if count == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { count, ttl }
`);

// Never below zero, and never creates a key (which would have no expiry).
const refundScript = script(`
if redis.call('GET', KEYS[1]) and tonumber(redis.call('GET', KEYS[1])) > 0 then
  redis.call('DECR', KEYS[1])
end
return 0
`);

/** Fixed windows shared by every process: the same counters as the memory limiter, kept in Redis. */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
  ) {}

  async consume(rule: RateRule, key: string): Promise<RateVerdict> {
    this.refuseWhileDisconnected();
    const [count = 0, ttl = 0] = asNumbers(await runScript(this.client, consumeScript, [this.key(rule, key)], [String(rule.windowMs)]));
    // Refused attempts are counted too; they cannot extend a fixed window, so nobody waits longer.
    return count > rule.limit ? { ok: false, retryAfterMs: ttl } : { ok: true };
  }

  async peek(rule: RateRule, key: string): Promise<RateVerdict> {
    this.refuseWhileDisconnected();
    const id = this.key(rule, key);
    const [count, ttl] = await Promise.all([this.client.get(id), this.client.pTTL(id)]);
    if (Number(count ?? 0) < rule.limit) return { ok: true };
    return { ok: false, retryAfterMs: ttl > 0 ? ttl : rule.windowMs };
  }

  async refund(rule: RateRule, key: string): Promise<void> {
    this.refuseWhileDisconnected();
    await runScript(this.client, refundScript, [this.key(rule, key)], []);
  }

  async reset(rule: RateRule, key: string): Promise<void> {
    this.refuseWhileDisconnected();
    await this.client.del(this.key(rule, key));
  }

  /** Closed, not open: without the counters, guessing passwords would be unlimited. */
  private refuseWhileDisconnected(): void {
    if (!this.client.isReady) throw new DomainError('UNAVAILABLE', 'The server is briefly unavailable; try again shortly');
  }

  private key(rule: RateRule, key: string): string {
    return `${this.prefix}rate:${rule.name}:${key}`;
  }
}
