import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type AppDeps } from '../../src/server/app.js';
import type { Cluster } from '../../src/server/cluster.js';
import { loadConfig, type Config } from '../../src/server/config.js';
import { connectRedis, type RedisOptions } from '../../src/server/redis/connect-redis.js';
import { openDatabase, type Database } from '../../src/server/storage/database.js';
import { createStores } from '../../src/server/storage/stores.js';
import { connect, guest, waitFor, type Client, type TestServer } from './hearth.js';
import { dropSchema, postgresUnavailable, testDatabaseUrl, throwawaySchemaName } from './postgres.js';
import { deletePrefix, redisUnavailable, testRedisUrl, throwawayPrefix } from './redis.js';

export interface ClusterNode extends TestServer {
  cluster: Cluster;
  database: Database;
}

export interface ClusterOptions {
  size?: number;
  overrides?: Partial<Config>;
  deps?: Omit<AppDeps, 'stores' | 'cluster'>;
  redis?: Partial<RedisOptions>;
  /** Where node `index` finds Redis (a proxy, a private server); the test Redis by default. */
  redisUrl?: (index: number) => string;
}

/** Why a cluster cannot be started here (no PostgreSQL or no Redis), or undefined. */
export async function clusterUnavailable(): Promise<string | undefined> {
  return (await postgresUnavailable()) ?? (await redisUnavailable());
}

/**
 * Several Hearth processes in one: each its own app, port, database pool and Redis clients, sharing
 * one throwaway PostgreSQL schema and one Redis key prefix, started before the file's tests.
 */
export interface ClusterSuite {
  readonly nodes: ClusterNode[];
  /** The Redis key prefix the nodes share. */
  readonly prefix: string;
  /** A connected socket on that node, closed when the suite ends. */
  open(node: ClusterNode, token: string): Promise<Client>;
}

export function clusterSuite(name: string, options: ClusterOptions = {}): ClusterSuite {
  const nodes: ClusterNode[] = [];
  const clients: Client[] = [];
  const schema = throwawaySchemaName('cluster');
  const prefix = throwawayPrefix(name);
  beforeAll(async () => {
    for (let i = 0; i < (options.size ?? 2); i++)
      nodes.push(await startNode(schema, prefix, options, options.redisUrl?.(i) ?? testRedisUrl));
    await warmUp(nodes);
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    for (const node of nodes) await node.stop();
    await dropSchema(schema);
    await deletePrefix(prefix, options.redisUrl?.(0) ?? testRedisUrl);
  });
  return {
    nodes,
    prefix,
    async open(node, token) {
      const client = await connect(node, token);
      clients.push(client);
      return client;
    },
  };
}

async function startNode(schema: string, prefix: string, options: ClusterOptions, redisUrl: string): Promise<ClusterNode> {
  const base = loadConfig({ NODE_ENV: 'test', HEARTH_RATE_LIMITS: 'off' });
  const config: Config = {
    ...base,
    // The nodes of one cluster share a key pair, as several machines given the same keys would.
    vapid: { ...base.vapid, keysFile: join(tmpdir(), `${schema}-vapid-keys.json`) },
    files: { ...base.files, dir: join(tmpdir(), `${schema}-files`) },
    databaseUrl: testDatabaseUrl,
    webRoot: '/nonexistent',
    shutdownGraceMs: 2_000,
    ...options.overrides,
  };
  const database = await openDatabase(testDatabaseUrl, { schema });
  const cluster = await connectRedis({ url: redisUrl, prefix, ...options.redis });
  const hearth = await buildApp(config, { ...options.deps, stores: createStores(database), cluster });
  await hearth.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = hearth.app.server.address() as AddressInfo;
  return {
    ...hearth,
    config,
    schema,
    cluster,
    database,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await hearth.app.close();
      await cluster.close();
      await database.close();
    },
  };
}

/**
 * The adapter reads Redis from "now" once its reader has connected, which it does on its own
 * time: wait until every node hears every other (a socketsJoin published by one, applied by another).
 */
async function warmUp(nodes: ClusterNode[]): Promise<void> {
  const probe = await guest(nodes[0]!);
  const sockets = await Promise.all(nodes.map((node) => connect(node, probe.token)));
  for (const [i, from] of nodes.entries()) {
    for (const [j, to] of nodes.entries()) {
      const id = sockets[j]!.socket.id;
      if (i === j || !id) continue;
      const room = `warm-up:${i}`;
      await waitFor(
        () => {
          from.io.in(id).socketsJoin(room);
          return to.io.of('/').adapter.rooms.get(room)?.has(id);
        },
        `node ${j} to hear node ${i}`,
        10_000,
      );
    }
  }
  for (const socket of sockets) socket.close();
}
