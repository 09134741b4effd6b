import type { RateLimiter, RateRule } from './ports.js';
import { DomainError } from './domain-error.js';

export interface RateRules {
  sendMessage: RateRule;
  createRoom: RateRule;
  guestSignup: RateRule;
}

/** Generous for people, tight enough to stop a flood from one account or address. */
export const defaultRateRules: RateRules = {
  sendMessage: { name: 'message:send', limit: 30, windowMs: 10_000 },
  createRoom: { name: 'room:create', limit: 10, windowMs: 60_000 },
  guestSignup: { name: 'auth:guest', limit: 20, windowMs: 60_000 },
};

export async function enforceRate(limiter: RateLimiter, rule: RateRule, key: string): Promise<void> {
  const verdict = await limiter.consume(rule, key);
  if (!verdict.ok) {
    throw new DomainError('RATE_LIMITED', 'Too many requests, slow down', { retryAfterMs: verdict.retryAfterMs });
  }
}
