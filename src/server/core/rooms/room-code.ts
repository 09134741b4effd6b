import type { Room, User } from '../../../contract/types.js';
import type { CoreDeps } from '../shared/deps.js';
import { DomainError } from '../shared/domain-error.js';
import { codeAttempts, newCodeFor } from './create-room.js';
import { enforceRate } from '../shared/rate-rules.js';
import { roomVisibleTo } from './room-access.js';

type CodeDeps = Pick<CoreDeps, 'rooms' | 'broadcast' | 'ids' | 'limiter' | 'rateRules'>;

/**
 * An owner's answer to a leaked invite: a new code, and the old one stops working at once. The
 * members (the only ones who see a private room's code) hear of the new one.
 */
export async function regenerateRoomCode(deps: CodeDeps, user: User, roomId: string): Promise<Room> {
  await enforceRate(deps.limiter, deps.rateRules.createRoom, user.id);
  const { room } = await roomVisibleTo(deps, roomId, user);
  if (room.kind === 'direct') throw new DomainError('BAD_REQUEST', 'A direct conversation has no code: it is only for its people');
  if ((await deps.rooms.roleOf(roomId, user.id)) !== 'owner')
    throw new DomainError('FORBIDDEN', 'Only the room’s owner can change its code');
  for (let attempt = 0; attempt < codeAttempts; attempt++) {
    const code = newCodeFor(deps, room.visibility);
    if ((await deps.rooms.setRoomCode(roomId, code)) === 'ok') {
      const updated = { ...room, code };
      deps.broadcast.toRoom(roomId, 'room:updated', { room: updated });
      return updated;
    }
  }
  throw new Error('could not find a free room code');
}
