import type { LoginBody } from '../../contract/schemas.js';
import type { CoreDeps } from './deps.js';
import { DomainError } from './domain-error.js';
import type { PasswordHasher } from './ports.js';
import { refuseIfLimited } from './rate-rules.js';
import { issueSession, type SessionGrant } from './sessions.js';

type LoginDeps = Pick<CoreDeps, 'users' | 'sessions' | 'passwords' | 'ids' | 'clock' | 'sessionTtlMs' | 'limiter' | 'rateRules'>;

const refused = () => new DomainError('UNAUTHENTICATED', 'Wrong username, e-mail or password');

// An unknown login is checked against this hash, so it costs the same time as a wrong password.
const timingDecoys = new WeakMap<PasswordHasher, Promise<string>>();
function decoyHash(passwords: PasswordHasher): Promise<string> {
  let decoy = timingDecoys.get(passwords);
  if (!decoy) timingDecoys.set(passwords, (decoy = passwords.hash('hearth timing decoy password')));
  return decoy;
}

/** Always a new session (no fixation). Unknown login and wrong password are indistinguishable. */
export async function logIn(deps: LoginDeps, input: LoginBody, address: string): Promise<SessionGrant> {
  const login = input.login.trim().toLowerCase();
  const account = await deps.users.findAccountByLogin(login);
  // Failures count against the account whichever name it is tried with; unknown logins by name.
  const accountKey = account ? `user:${account.user.id}` : `login:${login}`;
  const { loginFailuresPerAccount: perAccount, loginFailuresPerAddress: perAddress } = deps.rateRules;
  refuseIfLimited(await deps.limiter.peek(perAccount, accountKey));
  refuseIfLimited(await deps.limiter.peek(perAddress, address));

  const hash = account?.passwordHash ?? (await decoyHash(deps.passwords));
  const matches = await deps.passwords.verify(hash, input.password);
  if (!account?.passwordHash || !matches) {
    await deps.limiter.consume(perAccount, accountKey);
    await deps.limiter.consume(perAddress, address);
    throw refused();
  }
  return issueSession(deps, account.user);
}
