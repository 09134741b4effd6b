import type { Kysely } from 'kysely';
import type { Engine } from '../schema.js';

/**
 * Direct conversations are rooms of kind 'direct' (every other room is 'room'). `direct_key` names
 * a direct room's set of members (directKey in core/rooms/direct-key.ts), unique, so that the same
 * people always land in the same conversation, even when two of them start it at once; NULL for
 * rooms, and for a group whose set another conversation already has.
 * Frozen once released: later changes go in a new migration.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema
    .alterTable('rooms')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('room'))
    .execute();
  await db.schema.alterTable('rooms').addColumn('direct_key', 'text').execute();
  await db.schema.createIndex('rooms_direct_key_unique').unique().on('rooms').column('direct_key').execute();
}
