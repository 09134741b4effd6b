import { limits } from '../../../contract/limits.js';
import type { Room, User } from '../../../contract/types.js';
import { refuseUnwelcome } from '../people/direct-rules.js';
import type { CoreDeps } from '../shared/deps.js';
import { DomainError, notFound } from '../shared/domain-error.js';
import { enforceRate } from '../shared/rate-rules.js';
import { directKey } from './direct-key.js';
import { ensureMember } from './membership.js';
import { withParticipants } from './participants.js';
import { roomVisibleTo } from './room-access.js';

type GroupDeps = Pick<CoreDeps, 'rooms' | 'users' | 'people' | 'broadcast' | 'clock' | 'limiter' | 'rateRules'>;

/** A direct group the caller is in; anything else answers as a room that is not there. */
async function groupOf(deps: GroupDeps, user: User, roomId: string): Promise<Room> {
  await enforceRate(deps.limiter, deps.rateRules.peopleChanges, user.id);
  const { room, member } = await roomVisibleTo(deps, roomId, user);
  if (room.kind !== 'direct' || !member) throw notFound();
  if (!room.group)
    throw new DomainError('BAD_REQUEST', 'A conversation between two people has no name and takes no one else: start a group');
  return room;
}

/** Any participant names the group, or takes its name away (''): everyone in it sees the new name. */
export async function renameGroup(deps: GroupDeps, user: User, roomId: string, name: string): Promise<Room> {
  await groupOf(deps, user, roomId);
  await deps.rooms.setRoomName(roomId, name);
  const room = await announced(deps, roomId);
  if (!room) throw notFound();
  return room;
}

/**
 * Any participant adds people, up to the size a direct conversation may have; the same refusals
 * as starting one apply (a block, a policy). The newcomers see the whole history, as in a room.
 */
export async function addToGroup(deps: GroupDeps, user: User, roomId: string, userIds: readonly string[]): Promise<Room> {
  const room = await groupOf(deps, user, roomId);
  const memberIds = await deps.rooms.listMemberIds(roomId);
  const newIds = [...new Set(userIds)].filter((id) => !memberIds.includes(id));
  if (newIds.length === 0) return withParticipants(deps, room);
  if (memberIds.length - 1 + newIds.length > limits.directOthersMax) {
    throw new DomainError('BAD_REQUEST', `A direct conversation has at most ${limits.directOthersMax + 1} people`);
  }
  const newcomers = await deps.users.findUsersByIds(newIds);
  if (newcomers.length !== newIds.length) throw new DomainError('NOT_FOUND', 'One of these people does not exist');
  await refuseUnwelcome(deps, user, newcomers);
  for (const person of newcomers) await ensureMember(deps, room, person);
  const updated = await peopleChanged(deps, roomId);
  if (!updated) throw notFound();
  for (const person of newcomers) deps.broadcast.toUser(person.id, 'room:added', { room: updated });
  return updated;
}

/**
 * After a group's people changed (someone added or gone): it takes its new set's key unless another
 * conversation has it (that one stays where those people land; an emptied group keeps none), and
 * those in it see it named by the people now there.
 */
export async function peopleChanged(deps: Pick<CoreDeps, 'rooms' | 'users' | 'broadcast'>, roomId: string): Promise<Room | undefined> {
  const memberIds = await deps.rooms.listMemberIds(roomId);
  const outcome = await deps.rooms.rekeyDirectRoom(roomId, memberIds.length > 0 ? directKey(memberIds) : null);
  if (outcome === 'taken') await deps.rooms.rekeyDirectRoom(roomId, null);
  return announced(deps, roomId);
}

async function announced(deps: Pick<CoreDeps, 'rooms' | 'users' | 'broadcast'>, roomId: string): Promise<Room | undefined> {
  const stored = await deps.rooms.findRoomById(roomId);
  if (!stored) return undefined;
  const room = await withParticipants(deps, stored);
  deps.broadcast.toRoom(roomId, 'room:updated', { room });
  return room;
}
