import type { Room, User } from '../../../contract/types.js';
import type { CoreDeps } from '../shared/deps.js';
import { DomainError, notFound } from '../shared/domain-error.js';
import { createRoom } from './create-room.js';
import { ensureMember } from './membership.js';
import { countAttempt } from '../shared/rate-rules.js';

type JoinDeps = Pick<CoreDeps, 'rooms' | 'broadcast' | 'ids' | 'clock' | 'limiter' | 'rateRules'>;

/**
 * Guessing codes is guessing passwords to private rooms: every look-up counts, per user and per
 * address, so neither many accounts from one address nor one account from many gets far.
 */
export async function findRoomByCode(
  deps: Pick<JoinDeps, 'rooms' | 'limiter' | 'rateRules'>,
  code: string,
  who: { userId?: string; address: string },
): Promise<Room> {
  const { joinByCodePerUser, joinByCodePerAddress } = deps.rateRules;
  await countAttempt(deps.limiter, [
    ...(who.userId ? [[joinByCodePerUser, who.userId] as const] : []),
    [joinByCodePerAddress, who.address],
  ]);
  const room = await deps.rooms.findRoomByCode(code);
  if (!room) throw notFound('Room code');
  return room;
}

/** The code is the invite: it opens any room, private ones included. */
export async function joinRoomByCode(deps: JoinDeps, user: User, code: string, address: string): Promise<Room> {
  return ensureMember(deps, await findRoomByCode(deps, code, { userId: user.id, address }), user);
}

/** The seeds' "name + room" entry: a public room by name, created when it does not exist. */
export async function joinRoomByName(deps: JoinDeps, user: User, name: string): Promise<Room> {
  const existing = await deps.rooms.findPublicRoomByName(name);
  if (existing) return ensureMember(deps, existing, user);
  try {
    return await createRoom(deps, user, { name, topic: '', visibility: 'public' });
  } catch (error) {
    // Someone created it between our lookup and our insert: join theirs.
    if (!(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
    const created = await deps.rooms.findPublicRoomByName(name);
    if (!created) throw error;
    return ensureMember(deps, created, user);
  }
}
