import type { Kysely } from 'kysely';
import type { Room } from '../../../contract/types.js';
import { roomColumns, toRoom, type Schema } from '../schema.js';

/**
 * The public directory, a page at a time in name-key order (the public rooms' unique index walks
 * it), leaving out the rooms the user is in: those come with the user's own list.
 */
export async function listDirectory(
  db: Kysely<Schema>,
  userId: string,
  page: { limit: number; after?: string },
): Promise<{ rooms: Room[]; next?: string }> {
  const after = page.after === undefined ? undefined : readCursor(page.after);
  let query = db
    .selectFrom('rooms')
    .select(roomColumns)
    .select('rooms.name_key')
    .where('visibility', '=', 'public')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('memberships')
            .select('memberships.room_id')
            .whereRef('memberships.room_id', '=', 'rooms.id')
            .where('memberships.user_id', '=', userId),
        ),
      ),
    );
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('rooms.name_key', '>', after.nameKey), eb.and([eb('rooms.name_key', '=', after.nameKey), eb('rooms.id', '>', after.id)])]),
    );
  }
  const rows = await query
    .orderBy('rooms.name_key')
    .orderBy('rooms.id')
    .limit(page.limit + 1)
    .execute();
  const last = rows.length > page.limit ? rows[page.limit - 1] : undefined;
  return { rooms: rows.slice(0, page.limit).map(toRoom), ...(last ? { next: writeCursor(last.name_key, last.id) } : {}) };
}

/** Opaque to clients: where the last page ended, in the directory's order. */
function writeCursor(nameKey: string, id: string): string {
  return Buffer.from(JSON.stringify([nameKey, id])).toString('base64url');
}

function readCursor(cursor: string): { nameKey: string; id: string } | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === 'string')) {
      return { nameKey: value[0] as string, id: value[1] as string };
    }
  } catch {
    // Not one of ours: treated as no cursor below.
  }
  return undefined;
}
