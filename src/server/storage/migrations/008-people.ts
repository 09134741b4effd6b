import type { Kysely } from 'kysely';
import type { Engine } from '../schema.js';

/**
 * People: what a person says about themselves (a display name, a status line, their time zone),
 * who may start a direct conversation with them ('anyone' or 'shared_room'), and whom they block.
 * A direct room remembers whether it began as a group (more than two people), since a group that
 * shrinks to two can still be left and added to, and a one-to-one never can.
 * Frozen once released: later changes go in a new migration.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const time = engine === 'postgres' ? 'timestamptz' : 'text';
  for (const column of ['display_name', 'status', 'time_zone'] as const) {
    await db.schema
      .alterTable('users')
      .addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  }
  await db.schema
    .alterTable('users')
    .addColumn('direct_policy', 'text', (c) => c.notNull().defaultTo('anyone'))
    .execute();
  await db.schema
    .alterTable('rooms')
    .addColumn('direct_group', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('blocks')
    .addColumn('blocker_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('blocked_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('blocks_pk', ['blocker_id', 'blocked_id'])
    .execute();
  await db.schema.createIndex('blocks_blocked').on('blocks').column('blocked_id').execute();
}
