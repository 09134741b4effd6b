import type { User } from '../../contract/index.js';

/** The online list, sorted by name, with `user` added or removed. */
export function withOnline(online: User[], user: User, isOnline: boolean): User[] {
  const present = online.some((u) => u.id === user.id);
  if (isOnline === present) return online;
  const next = isOnline ? [...online, user] : online.filter((u) => u.id !== user.id);
  return sortByName(next);
}

export function sortByName(users: User[]): User[] {
  return [...users].sort((a, b) => a.username.localeCompare(b.username, undefined, { sensitivity: 'base' }));
}
