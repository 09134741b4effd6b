import type { CreateRoomBody } from '../../../contract/schemas.js';
import { limits } from '../../../contract/limits.js';
import type { Room, User, Visibility } from '../../../contract/types.js';
import type { CoreDeps } from '../shared/deps.js';
import { DomainError } from '../shared/domain-error.js';
import { enforceRate } from '../shared/rate-rules.js';

type CreateDeps = Pick<CoreDeps, 'rooms' | 'broadcast' | 'ids' | 'clock' | 'limiter' | 'rateRules'>;

export const codeAttempts = 5;

export function newCodeFor(deps: Pick<CoreDeps, 'ids'>, visibility: Visibility): string {
  return deps.ids.newRoomCode(visibility === 'private' ? limits.privateRoomCodeLength : limits.roomCodeLength);
}

/** The creator becomes owner and first member; the code is retried on the rare collision. */
export async function createRoom(deps: CreateDeps, owner: User, input: CreateRoomBody): Promise<Room> {
  await enforceRate(deps.limiter, deps.rateRules.createRoom, owner.id);
  const id = deps.ids.newId();
  for (let attempt = 0; attempt < codeAttempts; attempt++) {
    const outcome = await deps.rooms.insertRoom({
      id,
      name: input.name,
      topic: input.topic,
      visibility: input.visibility,
      code: newCodeFor(deps, input.visibility),
      ownerId: owner.id,
      createdAt: deps.clock.now().toISOString(),
    });
    if (outcome === 'name_taken') throw new DomainError('CONFLICT', `A public room named "${input.name}" exists`);
    if (outcome === 'ok') {
      await deps.broadcast.subscribeUser(owner.id, id);
      const room = await deps.rooms.findRoomById(id);
      if (!room) throw new Error(`room ${id} vanished after insert`);
      return room;
    }
  }
  throw new Error('could not find a free room code');
}
