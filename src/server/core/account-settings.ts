import type { User } from '../../contract/types.js';
import type { CoreDeps } from './deps.js';
import { DomainError } from './domain-error.js';
import type { Account } from './ports.js';

type SettingsDeps = Pick<CoreDeps, 'users' | 'sessions' | 'passwords' | 'broadcast' | 'ids'>;

async function confirmedAccount(deps: SettingsDeps, user: User, password: string): Promise<Account> {
  const account = await deps.users.findAccountById(user.id);
  if (!account?.passwordHash) throw new DomainError('FORBIDDEN', 'Create an account first');
  if (!(await deps.passwords.verify(account.passwordHash, password))) throw new DomainError('FORBIDDEN', 'The password is wrong');
  return account;
}

/** A new password ends every other session of the user; the one that changed it stays. */
export async function changePassword(deps: SettingsDeps, user: User, currentToken: string, current: string, next: string): Promise<void> {
  await confirmedAccount(deps, user, current);
  await deps.users.setPasswordHash(user.id, await deps.passwords.hash(next));
  const ended = await deps.sessions.deleteSessionsOfUser(user.id, deps.ids.hashToken(currentToken));
  await Promise.all(ended.map((tokenHash) => deps.broadcast.disconnectSession(tokenHash)));
}

export async function changeEmail(deps: SettingsDeps, user: User, email: string, password: string): Promise<string> {
  await confirmedAccount(deps, user, password);
  const normalised = email.toLowerCase();
  if ((await deps.users.setEmail(user.id, normalised)) === 'taken')
    throw new DomainError('CONFLICT', 'An account already uses that e-mail address');
  return normalised;
}

/** "Sign out everywhere": every session ends and every socket of the user is disconnected. */
export async function signOutEverywhere(deps: Pick<CoreDeps, 'sessions' | 'broadcast'>, user: User): Promise<void> {
  await deps.sessions.deleteSessionsOfUser(user.id);
  await deps.broadcast.disconnectUser(user.id);
}
