import type { Room } from '../../../contract/types.js';
import type { CoreDeps } from '../shared/deps.js';

type ParticipantDeps = Pick<CoreDeps, 'rooms' | 'users'>;

/** Direct rooms with their people (a direct room is named by them); other rooms as they are. */
export async function withParticipantsAll(deps: ParticipantDeps, rooms: Room[]): Promise<Room[]> {
  const direct = rooms.filter((room) => room.kind === 'direct').map((room) => room.id);
  if (direct.length === 0) return rooms;
  const members = await deps.rooms.listMembersOf(direct);
  const people = new Map((await deps.users.findUsersByIds([...new Set([...members.values()].flat())])).map((u) => [u.id, u]));
  return rooms.map((room) =>
    room.kind === 'direct' ? { ...room, participants: (members.get(room.id) ?? []).flatMap((id) => people.get(id) ?? []) } : room,
  );
}

export async function withParticipants(deps: ParticipantDeps, room: Room): Promise<Room> {
  return room.kind === 'direct' ? ((await withParticipantsAll(deps, [room]))[0] ?? room) : room;
}
