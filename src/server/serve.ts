import { buildApp } from './app.js';
import type { Config } from './config.js';
import { keepServingOnUnhandledRejection } from './ops/last-line.js';
import { connectRedis } from './redis/connect-redis.js';
import { openDatabase } from './storage/database.js';
import { createStores } from './storage/stores.js';

/**
 * One server process: storage → (with REDIS_URL) the shared state of several processes → app →
 * listen, and a graceful stop on SIGTERM.
 */
export async function serve(config: Config): Promise<void> {
  const database = await openDatabase(config.databaseUrl);
  const cluster = config.redisUrl ? await connectRedis({ url: config.redisUrl, prefix: config.redisPrefix }) : undefined;
  const { app } = await buildApp(config, { stores: createStores(database), cluster });
  keepServingOnUnhandledRejection(app.log);

  let stopping = false;
  async function stop(signal: string): Promise<void> {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: draining acknowledgements');
    try {
      await app.close();
      await cluster?.close();
      await database.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'unclean shutdown');
      process.exit(1);
    }
  }
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info({ engine: database.engine, redis: cluster ? 'shared' : 'absent' }, `Hearth is listening on ${address}`);
}
