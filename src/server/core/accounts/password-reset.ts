import type { CoreDeps } from '../shared/deps.js';
import { DomainError } from '../shared/domain-error.js';
import { clearLoginCaps } from './log-in.js';
import { enforceRate } from '../shared/rate-rules.js';

type ResetDeps = Pick<
  CoreDeps,
  | 'users'
  | 'sessions'
  | 'resetTokens'
  | 'passwords'
  | 'mailer'
  | 'broadcast'
  | 'ids'
  | 'clock'
  | 'limiter'
  | 'rateRules'
  | 'publicUrl'
  | 'background'
>;

const resetLifetimeMs = 60 * 60_000;
export const resetRequestAnswer = 'If an account uses that address, a link to reset its password is on its way.';

/** A one-time link for the user; only the token's hash is stored. */
export async function createResetLink(
  deps: Pick<ResetDeps, 'resetTokens' | 'ids' | 'clock' | 'publicUrl'>,
  userId: string,
): Promise<string> {
  const token = deps.ids.newToken();
  const now = deps.clock.now();
  await deps.resetTokens.insertResetToken({
    tokenHash: deps.ids.hashToken(token),
    userId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + resetLifetimeMs).toISOString(),
  });
  return `${deps.publicUrl.replace(/\/+$/, '')}/reset/${token}`;
}

/**
 * Answers the same, in about the same time, whether or not the address has an account: the token
 * and the mail are made in the background, after the answer.
 */
export async function requestPasswordReset(deps: ResetDeps, email: string, address: string): Promise<void> {
  await enforceRate(deps.limiter, deps.rateRules.resetRequestsPerAddress, address);
  const account = await deps.users.findAccountByLogin(email.trim().toLowerCase());
  if (!account?.email || account.email !== email.trim().toLowerCase()) return;
  const to = account.email;
  deps.background(
    (async () => {
      if (!(await deps.limiter.consume(deps.rateRules.resetMailsPerAccount, account.user.id)).ok) return;
      const link = await createResetLink(deps, account.user.id);
      await deps.mailer.send({ to, subject: 'Reset your Hearth password', text: resetMailText(account.user.username, link) });
    })(),
    'password reset mail',
  );
}

const invalidLink = () => new DomainError('BAD_REQUEST', 'This reset link is invalid or has expired');

/**
 * Sets the new password and ends every session of the user, disconnecting their sockets. The
 * link is checked before the (deliberately slow) hash, so made-up tokens cost the server nothing;
 * it is used only once the hash is made, so a busy server does not burn a good link.
 */
export async function confirmPasswordReset(deps: ResetDeps, token: string, password: string, address: string): Promise<void> {
  await enforceRate(deps.limiter, deps.rateRules.resetConfirmsPerAddress, address);
  const tokenHash = deps.ids.hashToken(token);
  if (!(await deps.resetTokens.findResetTokenUser(tokenHash, deps.clock.now().toISOString()))) throw invalidLink();
  const passwordHash = await deps.passwords.hash(password);
  const userId = await deps.resetTokens.consumeResetToken(tokenHash, deps.clock.now().toISOString());
  if (!userId) throw invalidLink();
  await deps.users.setPasswordHash(userId, passwordHash);
  await passwordChanged(deps, userId);
  await deps.sessions.deleteSessionsOfUser(userId);
  await deps.broadcast.disconnectUser(userId);
  const account = await deps.users.findAccountById(userId);
  await clearLoginCaps(deps, [account?.user.username ?? null, account?.email ?? null]);
}

/** Whatever route changed the password, no link mailed before it still works. */
export async function passwordChanged(deps: Pick<CoreDeps, 'resetTokens'>, userId: string): Promise<void> {
  await deps.resetTokens.deleteResetTokensOfUser(userId);
}

export function resetMailText(username: string, link: string): string {
  return [
    `Hello ${username},`,
    '',
    'Someone (hopefully you) asked to reset the password of your Hearth account.',
    'Open this link within an hour to choose a new one:',
    '',
    link,
    '',
    'The link works once. If you did not ask for it, ignore this mail: your password stays as it is.',
  ].join('\n');
}
