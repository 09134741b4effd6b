import type { RateLimiter, RateRule, RateVerdict } from './ports.js';
import { DomainError } from './domain-error.js';

export interface RateRules {
  sendMessage: RateRule;
  createRoom: RateRule;
  guestSignup: RateRule;
  loginFailuresPerAccount: RateRule;
  loginFailuresPerAddress: RateRule;
  resetRequestsPerAddress: RateRule;
  resetMailsPerAccount: RateRule;
}

/** Generous for people, tight enough to stop a flood from one account or address. */
export const defaultRateRules: RateRules = {
  sendMessage: { name: 'message:send', limit: 30, windowMs: 10_000 },
  createRoom: { name: 'room:create', limit: 10, windowMs: 60_000 },
  guestSignup: { name: 'auth:guest', limit: 20, windowMs: 60_000 },
  // Guessing passwords: a handful of tries per account, more per address (offices share one).
  loginFailuresPerAccount: { name: 'login:account', limit: 5, windowMs: 15 * 60_000 },
  loginFailuresPerAddress: { name: 'login:address', limit: 20, windowMs: 15 * 60_000 },
  resetRequestsPerAddress: { name: 'reset:address', limit: 10, windowMs: 60 * 60_000 },
  // Beyond this a request still answers 202, so it reveals nothing, but no more mail is sent.
  resetMailsPerAccount: { name: 'reset:account', limit: 3, windowMs: 60 * 60_000 },
};

export async function enforceRate(limiter: RateLimiter, rule: RateRule, key: string): Promise<void> {
  refuseIfLimited(await limiter.consume(rule, key));
}

export function refuseIfLimited(verdict: RateVerdict): void {
  if (!verdict.ok) throw new DomainError('RATE_LIMITED', 'Too many attempts, try again later', { retryAfterMs: verdict.retryAfterMs });
}
