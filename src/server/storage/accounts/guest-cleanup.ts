import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { Schema } from '../schema.js';

const batch = 500;

/**
 * Guests who came, said nothing and never returned hold their names for good otherwise. One
 * batch per call: the housekeeping loop calls again while a batch comes back full.
 */
export async function removeIdleGuests({ write }: Database, seenBefore: string): Promise<number> {
  return write(async (trx) => {
    const rows = await idleGuests(trx, seenBefore).select('users.id').limit(batch).execute();
    const ids = rows.map((row) => row.id);
    if (ids.length === 0) return 0;
    await trx
      .updateTable('rooms')
      .set((eb) => ({
        member_count: eb(
          'member_count',
          '-',
          eb
            .selectFrom('memberships')
            .select((m) => m.fn.countAll<number>().as('n'))
            .whereRef('memberships.room_id', '=', 'rooms.id')
            .where('memberships.user_id', 'in', ids),
        ),
      }))
      .where('id', 'in', (eb) => eb.selectFrom('memberships').select('room_id').where('user_id', 'in', ids))
      .execute();
    // Asked again in the delete: one who wrote or came back meanwhile stays.
    const deleted = await trx
      .deleteFrom('users')
      .where('id', 'in', ids)
      .where('last_seen_at', '<', seenBefore)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('messages').select('messages.id').whereRef('messages.author_id', '=', 'users.id'))))
      .executeTakeFirst();
    return Number(deleted.numDeletedRows);
  });
}

function idleGuests(db: Kysely<Schema>, seenBefore: string) {
  return db
    .selectFrom('users')
    .where('users.kind', '=', 'guest')
    .where('users.last_seen_at', '<', seenBefore)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('messages').select('messages.id').whereRef('messages.author_id', '=', 'users.id'))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('rooms').select('rooms.id').whereRef('rooms.owner_id', '=', 'users.id'))));
}
