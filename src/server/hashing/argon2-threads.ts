import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { PasswordHasher } from '../core/accounts/ports.js';
import { argon2Options } from './argon2-options.js';

/**
 * argon2id on threads of our own, each at a lower CPU priority (nice +10) than the event loop.
 * On libuv's shared pool a hash would compete as an equal with the thread that delivers messages;
 * on a machine with one or two cores, a flood of sign-ins then took the chat's core (measured:
 * other users' acknowledgements went from 5 ms to over 200 ms at p99). Niced, hashing gets what the
 * chat leaves. The worker is plain CommonJS from a string, so that it runs the same from the
 * compiled server and from the TypeScript sources under test.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { readlinkSync } = require('node:fs');
const { setPriority } = require('node:os');
const argon2 = require(workerData.driver);
try {
  // /proc/thread-self names this thread; setpriority on a thread id nices that thread only (Linux).
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), workerData.nice);
} catch {}
parentPort.on('message', ({ id, op, password, hash }) => {
  try {
    const value = op === 'hash' ? argon2.hashSync(password, workerData.options) : argon2.verifySync(hash, password);
    parentPort.postMessage({ id, value });
  } catch (error) {
    parentPort.postMessage({ id, value: op === 'hash' ? undefined : false, error: op === 'hash' ? String(error) : undefined });
  }
});
`;

interface Reply {
  id: number;
  value: string | boolean | undefined;
  error?: string;
}

export function argon2Threads(count: number, nice = 10): PasswordHasher & { close(): Promise<void> } {
  const driver = createRequire(import.meta.url).resolve('@node-rs/argon2');
  const pending = new Map<number, { resolve(value: Reply): void; worker: number }>();
  const load: number[] = [];
  let workers: Worker[] = [];
  let nextId = 0;

  // Started on first use: a process that never checks a password never starts a thread.
  function pool(): Worker[] {
    if (workers.length) return workers;
    workers = Array.from({ length: count }, (_, index) => {
      const worker = new Worker(workerSource, { eval: true, workerData: { driver, options: argon2Options, nice } });
      worker.unref();
      load[index] = 0;
      worker.on('message', (reply: Reply) => {
        const waiting = pending.get(reply.id);
        pending.delete(reply.id);
        load[index] = (load[index] ?? 1) - 1;
        waiting?.resolve(reply);
      });
      worker.on('error', (error) => {
        for (const [id, waiting] of pending) {
          if (waiting.worker !== index) continue;
          pending.delete(id);
          waiting.resolve({ id, value: undefined, error: String(error) });
        }
      });
      return worker;
    });
    return workers;
  }

  function run(message: { op: 'hash' | 'verify'; password: string; hash?: string }): Promise<Reply> {
    const threads = pool();
    const index = load.indexOf(Math.min(...load));
    const id = ++nextId;
    load[index] = (load[index] ?? 0) + 1;
    return new Promise((resolve) => {
      pending.set(id, { resolve, worker: index });
      threads[index]!.postMessage({ id, ...message });
    });
  }

  return {
    async hash(password) {
      const reply = await run({ op: 'hash', password });
      if (typeof reply.value !== 'string') throw new Error(`password hashing failed: ${reply.error ?? 'no hash'}`);
      return reply.value;
    },
    async verify(passwordHash, password) {
      return (await run({ op: 'verify', password, hash: passwordHash })).value === true;
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
      workers = [];
    },
  };
}
