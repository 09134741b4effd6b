import { open } from 'node:fs/promises';

/** Resolves once everything written to the file before the call is on disk. */
export type Flush = () => Promise<void>;

/** fdatasync of the file, in libuv's thread pool: the event loop carries on meanwhile. */
export function fileFlush(path: string): Flush {
  return async () => {
    // Opened afresh each time, so that a WAL file SQLite recreated is the one flushed.
    const handle = await open(path, 'r+');
    try {
      await handle.datasync();
    } finally {
      await handle.close();
    }
  };
}

/**
 * One flush covers every write made before it started, so callers share them: while a flush runs,
 * everyone who arrives waits for the single next one, which starts when the running one ends.
 */
export function sharedFlush(flush: Flush): Flush {
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const start = (): Promise<void> => {
    const current = flush().finally(() => {
      if (running === current) running = undefined;
    });
    running = current;
    return current;
  };
  return () => {
    if (!running) return start();
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = undefined;
        return start();
      });
    return next;
  };
}
