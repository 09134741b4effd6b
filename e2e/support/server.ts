import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverEntry } from './server-command.js';

/** A Hearth server of a test's own, so the test can stop and restart it. */
export interface OwnServer {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  dispose(): Promise<void>;
}

export function ownServer(port: number): OwnServer {
  const database = join(tmpdir(), `hearth-e2e-own-${process.pid}-${port}-${Date.now()}.db`);
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;

  async function start(): Promise<void> {
    child = spawn(process.execPath, [serverEntry()], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: `sqlite:${database}`,
        HEARTH_RATE_LIMITS: 'off',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (await healthy(url)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`Hearth did not start on ${url}`);
  }

  /** An abrupt stop, as a crash or a pulled cable: no goodbye to the clients. */
  async function stop(): Promise<void> {
    const running = child;
    child = null;
    if (running === null || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  }

  return {
    url,
    start,
    stop,
    async dispose() {
      await stop();
      for (const suffix of ['', '-wal', '-shm']) rmSync(database + suffix, { force: true });
    },
  };
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/healthz`)).ok;
  } catch {
    return false;
  }
}
