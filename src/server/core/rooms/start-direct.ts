import type { Room, User } from '../../../contract/types.js';
import type { CoreDeps } from '../shared/deps.js';
import { DomainError } from '../shared/domain-error.js';
import { enforceRate } from '../shared/rate-rules.js';
import { codeAttempts, newCodeFor } from './create-room.js';
import { directKey } from './direct-key.js';
import { withParticipants } from './participants.js';
import { refuseUnwelcome } from '../people/direct-rules.js';

type DirectDeps = Pick<CoreDeps, 'rooms' | 'users' | 'people' | 'broadcast' | 'ids' | 'clock' | 'limiter' | 'rateRules'>;

/**
 * The conversation between the caller and these people: the existing one for exactly this set,
 * or a new direct room with all of them as members. Two people starting it at once get the same
 * room: the set's key is unique, and the one whose insert loses finds the winner's.
 */
export async function startDirect(deps: DirectDeps, user: User, userIds: readonly string[]): Promise<{ room: Room; created: boolean }> {
  await enforceRate(deps.limiter, deps.rateRules.startDirect, user.id);
  const otherIds = [...new Set(userIds)].filter((id) => id !== user.id);
  if (otherIds.length === 0) throw new DomainError('BAD_REQUEST', 'Pick someone other than yourself');
  const others = await deps.users.findUsersByIds(otherIds);
  if (others.length !== otherIds.length) throw new DomainError('NOT_FOUND', 'One of these people does not exist');
  const key = directKey([user.id, ...otherIds]);
  const existing = await deps.rooms.findDirectRoom(key);
  await refuseUnwelcome(deps, user, others, existing);
  if (existing) return { room: await withParticipants(deps, existing), created: false };

  const id = deps.ids.newId();
  for (let attempt = 0; attempt < codeAttempts; attempt++) {
    const outcome = await deps.rooms.insertRoom({
      id,
      kind: 'direct',
      directKey: key,
      name: '',
      topic: '',
      visibility: 'private',
      // Never shown and never accepted (findRoomByCode skips direct rooms); the column wants one.
      code: newCodeFor(deps, 'private'),
      ownerId: user.id,
      otherMemberIds: otherIds,
      directGroup: otherIds.length > 1,
      createdAt: deps.clock.now().toISOString(),
    });
    if (outcome === 'direct_taken') {
      const winner = await deps.rooms.findDirectRoom(key);
      if (winner) return { room: await withParticipants(deps, winner), created: false };
    }
    if (outcome === 'ok') {
      const stored = await deps.rooms.findRoomById(id);
      if (!stored) throw new Error(`room ${id} vanished after insert`);
      const room = await withParticipants(deps, stored);
      // Every participant's open sockets receive the room from now on, and hear that it exists.
      for (const person of [user, ...others]) {
        await deps.broadcast.subscribeUser(person.id, id);
        deps.broadcast.toUser(person.id, 'room:added', { room });
      }
      return { room, created: true };
    }
  }
  throw new Error('could not find a free room code');
}
