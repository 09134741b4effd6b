import type { Kysely } from 'kysely';
import type { Engine } from '../schema.js';

/**
 * Housekeeping keeps a guest who owns a room (guest-cleanup.ts asks, for each idle guest, whether
 * a room names it as owner): without this index every such question scans the rooms.
 * Frozen once released: later changes go in a new migration.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema.createIndex('rooms_owner_id_index').on('rooms').column('owner_id').execute();
}
