import type { LoginBody } from '../../../contract/schemas.js';
import type { CoreDeps } from '../shared/deps.js';
import { DomainError } from '../shared/domain-error.js';
import type { PasswordHasher } from './ports.js';
import type { RateRule } from '../shared/ports.js';
import { countAttempt, type RateRules } from '../shared/rate-rules.js';
import { issueSession, type SessionGrant } from './sessions.js';

type LoginDeps = Pick<
  CoreDeps,
  'users' | 'sessions' | 'passwords' | 'ids' | 'clock' | 'sessionTtlMs' | 'sessionLifetimeMs' | 'limiter' | 'rateRules'
>;

const refused = () => new DomainError('UNAUTHENTICATED', 'Wrong username, e-mail or password');

// An unknown login is checked against this hash, so it costs the same time as a wrong password.
const timingDecoys = new WeakMap<PasswordHasher, Promise<string>>();
function decoyHash(passwords: PasswordHasher): Promise<string> {
  let decoy = timingDecoys.get(passwords);
  if (!decoy) timingDecoys.set(passwords, (decoy = passwords.hash('hearth timing decoy password')));
  return decoy;
}

/**
 * The counters of one sign-in attempt. They are keyed by the login as typed, never by the account
 * it finds: keyed by account, exhausting "ann" would make "ann@example.org" answer 429 too and so
 * tell who owns that address. An account can be named two ways, so its daily cap is at most twice
 * `loginPerLoginDaily`.
 */
export function loginCounters(rules: RateRules, login: string, address: string): Array<readonly [RateRule, string]> {
  const pair = `${login}\u0000${address}`;
  return [
    ...rules.loginPerLoginAndAddress.map((rule) => [rule, pair] as const),
    [rules.loginPerLoginDaily, login],
    [rules.loginPerAddress, address],
  ];
}

/**
 * Always a new session (no fixation). Unknown login and wrong password are indistinguishable.
 * The attempt is counted before the password is checked; a success gives the count back, so the
 * owner signing in never uses up what a guesser elsewhere is limited by.
 */
export async function logIn(deps: LoginDeps, input: LoginBody, address: string): Promise<SessionGrant> {
  const login = input.login.trim().toLowerCase();
  const counters = loginCounters(deps.rateRules, login, address);
  await countAttempt(deps.limiter, counters);

  const account = await deps.users.findAccountByLogin(login);
  const hash = account?.passwordHash ?? (await decoyHash(deps.passwords));
  const matches = await deps.passwords.verify(hash, input.password);
  if (!account?.passwordHash || !matches) throw refused();

  await Promise.all(
    counters.map(([rule, key]) =>
      deps.rateRules.loginPerLoginAndAddress.includes(rule) ? deps.limiter.reset(rule, key) : deps.limiter.refund(rule, key),
    ),
  );
  return issueSession(deps, account.user);
}

/** After a password reset: the daily caps of every name the account signs in with start afresh. */
export async function clearLoginCaps(deps: Pick<CoreDeps, 'limiter' | 'rateRules'>, names: ReadonlyArray<string | null>): Promise<void> {
  await Promise.all(names.flatMap((name) => (name ? [deps.limiter.reset(deps.rateRules.loginPerLoginDaily, name.toLowerCase())] : [])));
}
