import { sql, type Kysely } from 'kysely';
import type { Engine } from '../schema.js';

/**
 * Messages that change: an edit time, a delete time (the text is emptied), the message a reply
 * answers, reactions (a JSON list of { emoji, userIds }), and each message's latest position in
 * its room's change sequence, whose newest value the room keeps in `last_change`. Existing
 * messages start at change = seq, so the two sequences agree until the first edit.
 * Frozen once released: later changes go in a new migration.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const bigint = engine === 'postgres' ? 'bigint' : 'integer';
  const time = engine === 'postgres' ? 'timestamptz' : 'text';
  await db.schema
    .alterTable('rooms')
    .addColumn('last_change', bigint, (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('messages')
    .addColumn('change_seq', bigint, (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('messages').addColumn('edited_at', time).execute();
  await db.schema.alterTable('messages').addColumn('deleted_at', time).execute();
  await db.schema.alterTable('messages').addColumn('reply_to_id', 'text').execute();
  await db.schema
    .alterTable('messages')
    .addColumn('reactions', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await sql`update messages set change_seq = seq`.execute(db);
  await sql`update rooms set last_change = last_seq`.execute(db);
  // A catch-up walks a room's changes in order: one indexed read per page.
  await db.schema.createIndex('messages_room_change_unique').unique().on('messages').columns(['room_id', 'change_seq']).execute();
}
