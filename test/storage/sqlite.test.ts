import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/storage/database.js';
import { createStores } from '../../src/server/storage/stores.js';
import { describeStoreContract } from './stores.contract.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-storage-'));
// A folder that does not exist yet: openDatabase creates it.
const url = `sqlite:${join(dir, 'data', 'hearth.db')}`;
let freshCount = 0;

describeStoreContract('SQLite', {
  open: () => openDatabase(url),
  freshDatabase: () => {
    const freshUrl = `sqlite:${join(dir, `fresh-${++freshCount}.db`)}`;
    return () => openDatabase(freshUrl);
  },
  cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  sharedByProcesses: false,
});

describe('SQLite database', () => {
  it('runs in WAL mode with synchronous=NORMAL (the writer flushes the WAL), foreign keys on and a busy timeout', async () => {
    const sqliteDir = mkdtempSync(join(tmpdir(), 'hearth-pragmas-'));
    const database = await openDatabase(`sqlite:${join(sqliteDir, 'p.db')}`);
    try {
      const pragma = async (name: string) => {
        const { rows } = await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(database.db);
        return Object.values(rows[0] ?? {})[0];
      };
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(1);
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
    } finally {
      await database.close();
      rmSync(sqliteDir, { recursive: true, force: true });
    }
  });

  it('copies the WAL into the database file from its checkpoint thread, not at commit time', async () => {
    const sqliteDir = mkdtempSync(join(tmpdir(), 'hearth-checkpoint-'));
    const file = join(sqliteDir, 'c.db');
    const database = await openDatabase(`sqlite:${file}`);
    try {
      const { rows } = await sql.raw<{ wal_autocheckpoint: number }>('pragma wal_autocheckpoint').execute(database.db);
      expect(rows[0]?.wal_autocheckpoint).toBe(10000);
      const before = statSync(file).size;
      const stores = createStores(database);
      const at = new Date().toISOString();
      await Promise.all(
        Array.from({ length: 300 }, (_, i) =>
          stores.users.insertUser({ id: `u${i}`, username: `user ${i}`, kind: 'guest', createdAt: at }),
        ),
      );
      // Far below the main connection's autocheckpoint: only the checkpoint thread moves these pages.
      const deadline = Date.now() + 5_000;
      while (statSync(file).size === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(statSync(file).size).toBeGreaterThan(before);
    } finally {
      await database.close();
      rmSync(sqliteDir, { recursive: true, force: true });
    }
  });

  it('opens sqlite::memory: as a private migrated database', async () => {
    const database = await openDatabase('sqlite::memory:');
    try {
      expect(await database.db.selectFrom('rooms').selectAll().execute()).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
