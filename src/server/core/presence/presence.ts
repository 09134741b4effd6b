import type { User } from '../../../contract/types.js';
import type { CoreDeps } from '../shared/deps.js';
import type { PresenceChange } from './ports.js';

type PresenceDeps = Pick<CoreDeps, 'rooms' | 'presence' | 'broadcast'>;

/** Returns the rooms the new socket must receive; announces the user when it is their first socket. */
export async function socketOpened(deps: PresenceDeps, user: User, socketId: string): Promise<string[]> {
  const roomIds = await deps.rooms.listRoomIdsOf(user.id);
  const first = await deps.presence.socketConnected(user.id, socketId);
  if (first) announce(deps, roomIds, user, true);
  return roomIds;
}

/** The last socket's close is when the user was last seen: the people panel says so. */
export async function socketClosed(deps: PresenceDeps & Pick<CoreDeps, 'people' | 'clock'>, user: User, socketId: string): Promise<void> {
  const last = await deps.presence.socketDisconnected(user.id, socketId);
  if (!last) return;
  announce(deps, await deps.rooms.listRoomIdsOf(user.id), user, false);
  await deps.people.touchLastSeen(user.id, deps.clock.now().toISOString());
}

/** Announces users whose sockets vanished with a dead process (or came back with a live one). */
export async function presenceChanged(deps: PresenceDeps & Pick<CoreDeps, 'users'>, change: PresenceChange): Promise<void> {
  const users = await deps.users.findUsersByIds(change.userIds);
  await Promise.all(users.map(async (user) => announce(deps, await deps.rooms.listRoomIdsOf(user.id), user, change.online)));
}

function announce(deps: PresenceDeps, roomIds: string[], user: User, online: boolean): void {
  for (const roomId of roomIds) deps.broadcast.toRoom(roomId, 'room:presence', { roomId, user, online });
}
