import type { User } from '../../../contract/types.js';
import type { CoreDeps } from '../shared/deps.js';
import { DomainError } from '../shared/domain-error.js';
import { passwordChanged } from './password-reset.js';
import type { Account } from './ports.js';
import { countAttempt } from '../shared/rate-rules.js';

type SettingsDeps = Pick<
  CoreDeps,
  'users' | 'sessions' | 'resetTokens' | 'passwords' | 'broadcast' | 'ids' | 'limiter' | 'rateRules' | 'mailer' | 'background'
>;

/**
 * The current password, asked again before a sensitive change. A stolen session could otherwise
 * guess it without limit, so each check is counted first; a right one is given back.
 */
async function confirmedAccount(deps: SettingsDeps, user: User, password: string): Promise<Account> {
  const rule = deps.rateRules.passwordConfirmations;
  await countAttempt(deps.limiter, [[rule, user.id]]);
  const account = await deps.users.findAccountById(user.id);
  if (!account?.passwordHash) throw new DomainError('FORBIDDEN', 'Create an account first');
  if (!(await deps.passwords.verify(account.passwordHash, password))) throw new DomainError('FORBIDDEN', 'The password is wrong');
  await deps.limiter.refund(rule, user.id);
  return account;
}

/** A new password ends every other session of the user; the one that changed it stays. */
export async function changePassword(deps: SettingsDeps, user: User, currentToken: string, current: string, next: string): Promise<void> {
  await confirmedAccount(deps, user, current);
  await deps.users.setPasswordHash(user.id, await deps.passwords.hash(next));
  await passwordChanged(deps, user.id);
  const ended = await deps.sessions.deleteSessionsOfUser(user.id, deps.ids.hashToken(currentToken));
  await Promise.all(ended.map((tokenHash) => deps.broadcast.disconnectSession(tokenHash)));
}

/** The old address hears of the change: if it was not its owner's doing, they know at once. */
export async function changeEmail(deps: SettingsDeps, user: User, email: string, password: string): Promise<string> {
  const account = await confirmedAccount(deps, user, password);
  const normalised = email.toLowerCase();
  if ((await deps.users.setEmail(user.id, normalised)) === 'taken')
    throw new DomainError('CONFLICT', 'An account already uses that e-mail address');
  const previous = account.email;
  if (previous && previous !== normalised) {
    deps.background(
      deps.mailer.send({
        to: previous,
        subject: 'Your Hearth e-mail address was changed',
        text: emailChangedText(user.username, normalised),
      }),
      'e-mail change notice',
    );
  }
  return normalised;
}

export function emailChangedText(username: string, newAddress: string): string {
  return [
    `Hello ${username},`,
    '',
    `The e-mail address of your Hearth account was just changed to ${newAddress}.`,
    'Password reset links will go there from now on.',
    '',
    'If you did not make this change, someone else has your password: ask your Hearth administrator for help.',
  ].join('\n');
}

/** "Sign out everywhere": every session ends and every socket of the user is disconnected. */
export async function signOutEverywhere(deps: Pick<CoreDeps, 'sessions' | 'broadcast'>, user: User): Promise<void> {
  await deps.sessions.deleteSessionsOfUser(user.id);
  await deps.broadcast.disconnectUser(user.id);
}
