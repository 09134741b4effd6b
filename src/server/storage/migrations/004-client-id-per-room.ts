import { sql, type Kysely } from 'kysely';
import type { Engine } from '../schema.js';

/**
 * A clientId is unique per author and room, not per author: the same clientId sent to another
 * room stores a message there instead of answering with the first room's. SQLite cannot drop a
 * table's constraint, so its messages table is rebuilt with the new key (the documented way:
 * https://www.sqlite.org/lang_altertable.html#otheralter); nothing references messages.
 * Frozen once released: later changes go in a new migration.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if (engine === 'postgres') {
    await sql`alter table messages drop constraint messages_author_client_unique`.execute(db);
    await sql`alter table messages add constraint messages_author_room_client_unique unique (author_id, room_id, client_id)`.execute(db);
    return;
  }
  await db.schema
    .createTable('messages_v2')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('messages_room_seq_unique', ['room_id', 'seq'])
    .addUniqueConstraint('messages_author_room_client_unique', ['author_id', 'room_id', 'client_id'])
    .execute();
  await sql`insert into messages_v2 (id, room_id, seq, author_id, text, client_id, created_at)
    select id, room_id, seq, author_id, text, client_id, created_at from messages`.execute(db);
  await sql`drop table messages`.execute(db);
  await sql`alter table messages_v2 rename to messages`.execute(db);
}
