import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Copies the WAL back into the database file from a worker thread. A checkpoint writes pages and
 * waits for two fsyncs; run by SQLite itself at commit time (autocheckpoint), it blocked the event
 * loop for a fifth of the time under a heavy write load. The main connection keeps a far-off
 * autocheckpoint as a safety net, should this thread fall behind or fail.
 */
export interface Checkpointer {
  /** A commit happened: a checkpoint follows within `delayMs` (one at a time). */
  wrote(): void;
  close(): Promise<void>;
}

// The worker is plain CommonJS evaluated from a string, so that it runs the same from the compiled
// server and from the TypeScript sources under test. PASSIVE never waits for, nor blocks, readers
// and writers; a checkpoint already running in another process answers SQLITE_BUSY, which is fine.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('synchronous = NORMAL');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {}
  parentPort.postMessage('done');
});
`;

export function startCheckpointer(
  file: string,
  { delayMs = 200, onFailure }: { delayMs?: number; onFailure(error: unknown): void },
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(workerSource, { eval: true, workerData: { file, driver } });
  worker.unref();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let dirty = false;
  let stopped = false;

  const run = () => {
    timer = undefined;
    running = true;
    dirty = false;
    worker.postMessage('checkpoint');
  };
  worker.on('message', () => {
    running = false;
    if (dirty && !stopped && !timer) timer = setTimeout(run, delayMs).unref();
  });
  worker.on('error', (error) => {
    if (stopped) return;
    stopped = true;
    onFailure(error);
  });

  return {
    wrote() {
      dirty = true;
      if (!stopped && !running && !timer) timer = setTimeout(run, delayMs).unref();
    },
    async close() {
      clearTimeout(timer);
      if (stopped) return;
      stopped = true;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.ref(); // an unreferenced worker would let the process end before it has closed its connection
      worker.postMessage('close');
      await exited;
    },
  };
}
