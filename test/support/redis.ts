import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';

/** The Redis the tests use; override with TEST_REDIS_URL. Tests never flush it: it is shared. */
export const testRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Why Redis cannot be used for tests, or undefined when it can. Locally an unreachable server
 * skips Redis suites with a console line; in CI (CI=true) it throws, failing them.
 */
export async function redisUnavailable(url = testRedisUrl): Promise<string | undefined> {
  const client = createClient({ url, socket: { connectTimeout: 3000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  let reason: string | undefined;
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    reason = `Redis at ${url} is unreachable (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    client.destroy();
  }
  if (reason && process.env.CI === 'true') throw new Error(`${reason}; CI requires it`);
  if (reason) console.warn(`Skipping Redis tests: ${reason}. Set TEST_REDIS_URL to run them.`);
  return reason;
}

/** A key prefix unique to this run, so test files sharing the Redis stay apart. */
export function throwawayPrefix(name: string): string {
  return `hearth-test:${name}:${process.pid}:${randomBytes(4).toString('hex')}:`;
}

/** Deletes every key under the prefix (streams included); never anything else. */
export async function deletePrefix(prefix: string, url = testRedisUrl): Promise<void> {
  const client = createClient({ url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      if (keys.length > 0) await client.del(keys);
    }
  } finally {
    client.destroy();
  }
}
