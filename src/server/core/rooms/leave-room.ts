import type { User } from '../../../contract/types.js';
import type { CoreDeps } from '../shared/deps.js';
import { endMembership } from './membership.js';
import { roomVisibleTo } from './room-access.js';

/** Leaving a room one does not belong to changes nothing and is not an error. */
export async function leaveRoom(deps: Pick<CoreDeps, 'rooms' | 'broadcast' | 'clock'>, user: User, roomId: string): Promise<void> {
  const { room, member } = await roomVisibleTo(deps, roomId, user);
  if (member) await endMembership(deps, room, user);
}
