import type { RateLimiter, RateRule, RateVerdict } from './ports.js';
import { DomainError } from './domain-error.js';

export interface RateRules {
  sendMessage: RateRule;
  createRoom: RateRule;
  guestSignup: RateRule;
  /** Sign-in attempts for one login (as typed) from one address: tiers, so the wait grows. */
  loginPerLoginAndAddress: readonly RateRule[];
  /** Every attempt for one login from anywhere in a day: the cap a botnet cannot get around. */
  loginPerLoginDaily: RateRule;
  loginPerAddress: RateRule;
  /** Wrong current passwords on the account routes (change password or e-mail), per user. */
  passwordConfirmations: RateRule;
  resetRequestsPerAddress: RateRule;
  resetMailsPerAccount: RateRule;
  resetConfirmsPerAddress: RateRule;
  joinByCodePerUser: RateRule;
  joinByCodePerAddress: RateRule;
  roomEvents: RateRule;
  /** Edits, deletes and reactions, per user. */
  messageChanges: RateRule;
  startDirect: RateRule;
  peopleSearch: RateRule;
  /** Profile edits, blocks, group names and additions, per user. */
  peopleChanges: RateRule;
  /** Read marks (room:read), per user: a client sends one as messages come on screen. */
  readMarks: RateRule;
  /** Typing announcements, per user (clients send one every few seconds while typing). */
  typing: RateRule;
  /** Push subscriptions added or removed, per user. */
  pushSubscriptions: RateRule;
  /** Files uploaded (attachments and profile pictures), per user. */
  uploads: RateRule;
  /** Files and pictures read, per user: a history page shows many. */
  fileReads: RateRule;
}

const minute = 60_000;
const hour = 60 * minute;

/** Generous for people, tight enough to stop a flood from one account or address. */
export const defaultRateRules: RateRules = {
  sendMessage: { name: 'message:send', limit: 30, windowMs: 10_000 },
  createRoom: { name: 'room:create', limit: 10, windowMs: minute },
  guestSignup: { name: 'auth:guest', limit: 20, windowMs: minute },
  // 5 tries a minute, then 10 per quarter hour, then 20 a day: a typo costs nothing, a guesser waits longer and longer.
  loginPerLoginAndAddress: [
    { name: 'login:pair:minute', limit: 5, windowMs: minute },
    { name: 'login:pair:quarter', limit: 10, windowMs: 15 * minute },
    { name: 'login:pair:day', limit: 20, windowMs: 24 * hour },
  ],
  loginPerLoginDaily: { name: 'login:day', limit: 100, windowMs: 24 * hour },
  // Offices and schools share one address, so this is far above what one person needs.
  loginPerAddress: { name: 'login:address', limit: 50, windowMs: 15 * minute },
  passwordConfirmations: { name: 'account:password', limit: 5, windowMs: 15 * minute },
  resetRequestsPerAddress: { name: 'reset:address', limit: 10, windowMs: hour },
  // Beyond this a request still answers 202, so it reveals nothing, but no more mail is sent.
  resetMailsPerAccount: { name: 'reset:account', limit: 3, windowMs: hour },
  resetConfirmsPerAddress: { name: 'reset:confirm', limit: 20, windowMs: hour },
  joinByCodePerUser: { name: 'join:code:user', limit: 20, windowMs: 10 * minute },
  joinByCodePerAddress: { name: 'join:code:address', limit: 60, windowMs: 10 * minute },
  roomEvents: { name: 'room:events', limit: 60, windowMs: 10_000 },
  messageChanges: { name: 'message:changes', limit: 60, windowMs: 10_000 },
  startDirect: { name: 'direct:start', limit: 20, windowMs: minute },
  peopleSearch: { name: 'people:search', limit: 60, windowMs: minute },
  peopleChanges: { name: 'people:changes', limit: 30, windowMs: minute },
  readMarks: { name: 'room:read', limit: 120, windowMs: minute },
  typing: { name: 'room:typing', limit: 60, windowMs: minute },
  pushSubscriptions: { name: 'push:subscriptions', limit: 20, windowMs: hour },
  uploads: { name: 'file:upload', limit: 60, windowMs: 10 * minute },
  fileReads: { name: 'file:read', limit: 1200, windowMs: minute },
};

export async function enforceRate(limiter: RateLimiter, rule: RateRule, key: string): Promise<void> {
  refuseIfLimited(await limiter.consume(rule, key));
}

export function refuseIfLimited(verdict: RateVerdict): void {
  if (!verdict.ok) throw new DomainError('RATE_LIMITED', 'Too many attempts, try again later', { retryAfterMs: verdict.retryAfterMs });
}

/** The longest wait among several verdicts: refused if any one of them is. */
export function combined(verdicts: readonly RateVerdict[]): RateVerdict {
  const waits = verdicts.flatMap((v) => (v.ok ? [] : [v.retryAfterMs]));
  return waits.length ? { ok: false, retryAfterMs: Math.max(...waits) } : { ok: true };
}

/**
 * Counts an attempt under every rule before the work it guards, so that many attempts in parallel
 * cannot all pass a check made before any of them is counted. Refused without counting when one
 * rule is already exhausted.
 */
export async function countAttempt(limiter: RateLimiter, checks: ReadonlyArray<readonly [RateRule, string]>): Promise<void> {
  refuseIfLimited(combined(await Promise.all(checks.map(([rule, key]) => limiter.peek(rule, key)))));
  refuseIfLimited(combined(await Promise.all(checks.map(([rule, key]) => limiter.consume(rule, key)))));
}
