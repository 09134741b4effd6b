import cluster, { type Worker } from 'node:cluster';
import { pino } from 'pino';
import type { Config } from './config.js';
import { openDatabase } from './storage/database.js';

const restartDelayMs = 1_000;

/**
 * HEARTH_WORKERS: N server processes share one port (Node's cluster hands each new connection to
 * the next worker). They share state only through the database and Redis, exactly like processes
 * on different machines, so REDIS_URL is required. Crashed workers are replaced; SIGTERM drains them.
 */
export async function superviseWorkers(config: Config): Promise<void> {
  const log = pino({ level: config.logLevel }).child({ role: 'supervisor' });
  if (!config.redisUrl) {
    log.fatal('HEARTH_WORKERS needs REDIS_URL: workers share delivery, presence and rate limits through Redis');
    process.exit(1);
  }
  // Migrate once, before any worker opens the database, so they never race to migrate.
  await (await openDatabase(config.databaseUrl)).close();

  let stopping = false;
  const fork = (): Worker => cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    log.error({ pid: worker.process.pid, code, signal }, 'worker died: starting another');
    setTimeout(fork, restartDelayMs);
  });
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'draining workers');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(1), config.shutdownGraceMs + 5_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  for (let i = 0; i < config.workers; i++) fork();
  log.info({ workers: config.workers, port: config.port }, 'Hearth workers starting');
}
