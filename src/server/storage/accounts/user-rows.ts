import type { User } from '../../../contract/types.js';
import type { UsersTable } from '../schema.js';

export const userColumns = ['users.id', 'users.username', 'users.kind', 'users.created_at', 'users.avatar'] as const;

export function toUser(row: Pick<UsersTable, 'id' | 'username' | 'kind' | 'created_at'> & { avatar?: string | null }): User {
  const user: User = { id: row.id, username: row.username, kind: row.kind, createdAt: row.created_at };
  if (row.avatar) user.avatar = row.avatar;
  return user;
}
