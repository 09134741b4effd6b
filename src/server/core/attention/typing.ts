import type { User } from '../../../contract/types.js';
import type { CoreDeps } from '../shared/deps.js';
import { DomainError } from '../shared/domain-error.js';
import { roomVisibleTo } from '../rooms/room-access.js';

type TypingDeps = Pick<CoreDeps, 'rooms' | 'broadcast'>;

/**
 * "Ann is typing…": told to the room's sockets as it happens and never stored. Volatile: a socket
 * that cannot take it now misses it, and the next one (or its expiry) says the same.
 */
export async function announceTyping(deps: TypingDeps, user: User, roomId: string): Promise<void> {
  const { member } = await roomVisibleTo(deps, roomId, user);
  if (!member) throw new DomainError('FORBIDDEN', 'Join the room first');
  deps.broadcast.toRoomVolatile(roomId, 'room:typing', { roomId, user });
}
