import { sql, type Kysely } from 'kysely';
import type { Engine } from '../schema.js';
import { nameKey } from '../name-key.js';

interface Named {
  id: string;
  name: string;
}

/**
 * Names become unique by their look-alike key (name-key.ts) instead of their lower case. Keys
 * are recomputed here; two existing names that now collide both stay, the later one keyed apart
 * by its id (it keeps its name; only new names are held to the stricter rule). Every key is first
 * moved aside, so no row can meet another's old key on the way.
 * Frozen once released: later changes go in a new migration.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  const users = await sql<Named>`select id, username as name from users order by created_at, id`.execute(db);
  await sql`update users set username_key = '\u0001' || id`.execute(db);
  for (const [id, key] of distinctKeys(users.rows)) await sql`update users set username_key = ${key} where id = ${id}`.execute(db);

  const rooms = await sql<Named>`select id, name from rooms where visibility = 'public' order by created_at, id`.execute(db);
  await sql`update rooms set name_key = '\u0001' || id where visibility = 'public'`.execute(db);
  for (const [id, key] of distinctKeys(rooms.rows)) await sql`update rooms set name_key = ${key} where id = ${id}`.execute(db);
  const hidden = await sql<Named>`select id, name from rooms where visibility <> 'public'`.execute(db);
  for (const row of hidden.rows) await sql`update rooms set name_key = ${nameKey(row.name)} where id = ${row.id}`.execute(db);
}

function distinctKeys(rows: readonly Named[]): Array<[string, string]> {
  const seen = new Set<string>();
  return rows.map(({ id, name }) => {
    const key = nameKey(name);
    const distinct = seen.has(key) ? `${key}\u0001${id}` : key;
    seen.add(distinct);
    return [id, distinct];
  });
}
