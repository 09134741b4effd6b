import type { CoreDeps } from '../shared/deps.js';
import { notFound } from '../shared/domain-error.js';
import type { Account } from './ports.js';
import { createResetLink } from './password-reset.js';

type OperatorDeps = Pick<CoreDeps, 'users' | 'resetTokens' | 'ids' | 'clock' | 'publicUrl'>;

async function accountOf(deps: OperatorDeps, login: string): Promise<Account> {
  const account = await deps.users.findAccountByLogin(login);
  if (!account) throw notFound('User');
  return account;
}

/** For installs without mail: the operator hands the link over themselves. */
export async function operatorResetLink(deps: OperatorDeps, login: string): Promise<string> {
  return createResetLink(deps, (await accountOf(deps, login)).user.id);
}

export async function makeAdmin(deps: OperatorDeps, login: string): Promise<Account> {
  const account = await accountOf(deps, login);
  await deps.users.setKind(account.user.id, 'admin');
  return { ...account, user: { ...account.user, kind: 'admin' } };
}

export async function listUsers(deps: OperatorDeps): Promise<Account[]> {
  return deps.users.listAccounts();
}
