// A throwaway PostgreSQL database per measured target: created empty (Hearth migrates it on
// start) and dropped afterwards, so no run sees another's rows and nothing else is touched.
import pg from 'pg';

let created = 0;

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Why PostgreSQL cannot be used, or undefined when it can. */
export async function postgresUnavailable(adminUrl) {
  try {
    await withClient(adminUrl, (client) => client.query('select 1'));
    return undefined;
  } catch (error) {
    return `PostgreSQL at ${new URL(adminUrl).host} is unreachable (${error.message})`;
  }
}

/** `adminUrl` names any database we may connect to in order to create and drop ours. */
export async function createThrowawayDatabase(adminUrl) {
  const name = `hearth_bench_${process.pid}_${++created}`;
  await withClient(adminUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => withClient(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`)),
  };
}
