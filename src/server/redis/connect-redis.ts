import { createClient } from 'redis';
import type { Cluster, ClusterListener } from '../cluster.js';
import { RedisPresence } from './redis-presence.js';
import { RedisRateLimiter } from './redis-rate-limiter.js';
import { Recovery } from './recovery.js';
import type { RedisClient } from './scripts.js';
import { streamAdapter } from './stream-adapter.js';

export interface RedisOptions {
  url: string;
  /** Prefixes every key, stream and channel: installations (or test files) sharing a Redis stay apart. */
  prefix: string;
  presenceHeartbeatMs?: number;
  presenceTtlMs?: number;
  /** How long startup waits for Redis before giving up. */
  connectTimeoutMs?: number;
}

// Never give up: a client that stops reconnecting rejects every command at once, and the adapter's
// read loop would then spin on its own rejections.
const reconnectStrategy = (retries: number): number => Math.min(100 * 2 ** retries, 2000) + Math.floor(Math.random() * 100);

/** Connects to Redis and builds what the processes share through it. */
export async function connectRedis(options: RedisOptions): Promise<Cluster> {
  const listeners: ClusterListener[] = [];
  const report = (source: string) => (error: unknown) => listeners.forEach((l) => l.error?.(source, error));
  const client: RedisClient = createClient({ url: options.url, socket: { reconnectStrategy, connectTimeout: 5000 } });
  client.on('error', report('client'));
  await connectWithin(client, options.connectTimeoutMs ?? 10_000, options.url);

  const recovery = new Recovery(() => {
    stream.recovered();
    listeners.forEach((l) => l.recovered?.());
  });
  recovery.watch(client);
  const stream = streamAdapter(client, options.prefix, report, (connection) => recovery.watch(connection));
  const presence = new RedisPresence(client, {
    prefix: options.prefix,
    heartbeatMs: options.presenceHeartbeatMs ?? 5_000,
    ttlMs: options.presenceTtlMs ?? 20_000,
    onError: report('presence'),
  });
  await presence.start();

  return {
    adapter: stream.adapter,
    presence,
    limiter: new RedisRateLimiter(client, options.prefix),
    async ping() {
      if (!client.isReady) throw new Error('Redis is not connected');
      await client.ping();
    },
    connected: () => client.isReady,
    watch: (listener) => void listeners.push(listener),
    async close() {
      await stream.close();
      await within(2_000, presence.close()).catch(() => undefined);
      await within(2_000, client.close()).catch(() => undefined);
      client.destroy();
    },
  };
}

async function connectWithin(client: RedisClient, timeoutMs: number, url: string): Promise<void> {
  try {
    await within(timeoutMs, client.connect());
  } catch (error) {
    client.destroy();
    // The host only: the URL may carry a password.
    throw new Error(`Redis at ${new URL(url).host} did not answer within ${timeoutMs} ms`, { cause: error });
  }
}

/** The promise, or a rejection after ms (a command to an absent Redis waits for its return). */
async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
