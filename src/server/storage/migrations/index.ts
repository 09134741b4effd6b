import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { Engine } from '../schema.js';
import * as m001 from './001-initial.js';
import * as m002 from './002-password-resets.js';
import * as m003 from './003-name-keys.js';
import * as m004 from './004-client-id-per-room.js';
import * as m005 from './005-room-owner-index.js';
import * as m006 from './006-rich-messages.js';
import * as m007 from './007-direct-rooms.js';
import * as m008 from './008-people.js';
import * as m009 from './009-attention.js';
import * as m010 from './010-files.js';

interface EngineMigration {
  up(db: Kysely<unknown>, engine: Engine): Promise<void>;
}

/** Listed in code (not read from a folder) so the bundle and tsx runs see the same set. */
const migrations: Record<string, EngineMigration> = {
  '001-initial': m001,
  '002-password-resets': m002,
  '003-name-keys': m003,
  '004-client-id-per-room': m004,
  '005-room-owner-index': m005,
  '006-rich-messages': m006,
  '007-direct-rooms': m007,
  '008-people': m008,
  '009-attention': m009,
  '010-files': m010,
};

export function migrationProvider(engine: Engine): MigrationProvider {
  return {
    getMigrations: async () =>
      Object.fromEntries(Object.entries(migrations).map(([name, m]): [string, Migration] => [name, { up: (db) => m.up(db, engine) }])),
  };
}
