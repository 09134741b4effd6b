import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL the tests use; override with TEST_DATABASE_URL. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Why PostgreSQL cannot be used for tests, or undefined when it can. Locally an unreachable
 * server skips PostgreSQL suites with a console line; in CI (CI=true) it throws, failing them.
 */
export async function postgresUnavailable(url = testDatabaseUrl): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  let reason: string | undefined;
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    reason = `PostgreSQL at ${url} is unreachable (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    await client.end().catch(() => undefined);
  }
  if (reason && process.env.CI === 'true') throw new Error(`${reason}; CI requires it`);
  if (reason) console.warn(`Skipping PostgreSQL tests: ${reason}. Set TEST_DATABASE_URL to run them.`);
  return reason;
}

/** A fresh schema name, unique to this run, to open with `openDatabase(url, { schema })`. */
export function throwawaySchemaName(prefix = 'test'): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export async function dropSchema(schema: string, url = testDatabaseUrl): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}
