import type { Room, User } from '../../contract/index.js';

/** The people of a direct room other than the reader. */
export const othersIn = (room: Room, meId: string | undefined): User[] => (room.participants ?? []).filter((p) => p.id !== meId);

/** A room by its name; a direct conversation by its group name, or else by the other people in it. */
export function roomTitle(room: Room, meId: string | undefined): string {
  if (room.kind !== 'direct' || room.name !== '') return room.name;
  const others = othersIn(room, meId);
  if (others.length === 0) return 'Only you';
  return others
    .map((p) => p.username)
    .sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }))
    .join(', ');
}
