// The machine's Redis is shared with other work: each two-process target gets a key prefix of
// its own (HEARTH_REDIS_PREFIX) and deletes exactly the keys under it afterwards. Never a FLUSH.
import { createClient } from 'redis';

let made = 0;

export const throwawayPrefix = () => `hearth-bench:${process.pid}:${++made}:`;

async function withClient(url, work) {
  const client = createClient({ url, socket: { connectTimeout: 3000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    client.destroy();
  }
}

/** Why Redis cannot be used, or undefined when it can. */
export async function redisUnavailable(url) {
  try {
    await withClient(url, (client) => client.ping());
    return undefined;
  } catch (error) {
    return `Redis at ${new URL(url).host} is unreachable (${error.message})`;
  }
}

/** Deletes every key under the prefix (the adapter's stream included), in bounded batches. */
export async function deletePrefix(url, prefix) {
  if (!prefix.startsWith('hearth-bench:')) throw new Error(`refusing to delete keys under "${prefix}"`);
  await withClient(url, async (client) => {
    let rounds = 0;
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      if (keys.length > 0) await client.del(keys);
      if (++rounds > 10_000) break;
    }
  });
}
