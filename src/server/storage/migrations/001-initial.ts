import { sql, type Kysely } from 'kysely';
import type { Engine } from '../schema.js';

/** Frozen once released: later changes go in a new migration. */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const time = engine === 'postgres' ? 'timestamptz' : 'text';
  const seq = 'bigint';

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('username_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('guest', 'member', 'admin')`))
    .addColumn('email', 'text')
    .addColumn('password_hash', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('last_seen_at', time, (c) => c.notNull())
    .addUniqueConstraint('users_username_key_unique', ['username_key'])
    .addUniqueConstraint('users_email_unique', ['email'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('last_used_at', time, (c) => c.notNull())
    .addColumn('expires_at', time, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_id_index').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('rooms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull().check(sql`visibility in ('public', 'private')`))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('member_count', 'integer', (c) => c.notNull())
    .addColumn('last_seq', seq, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('last_activity_at', time, (c) => c.notNull())
    .addUniqueConstraint('rooms_code_unique', ['code'])
    .execute();
  // Public names are unique case-insensitively; private rooms may share a name.
  await db.schema
    .createIndex('rooms_public_name_key_unique')
    .on('rooms')
    .column('name_key')
    .unique()
    .where(sql.ref('visibility'), '=', sql.lit('public'))
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('joined_at', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['room_id', 'user_id'])
    .execute();
  await db.schema.createIndex('memberships_user_id_index').on('memberships').column('user_id').execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
    .addColumn('seq', seq, (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    // Also the index every page query walks, from either end.
    .addUniqueConstraint('messages_room_seq_unique', ['room_id', 'seq'])
    .addUniqueConstraint('messages_author_client_unique', ['author_id', 'client_id'])
    .execute();
}
