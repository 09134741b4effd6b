import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { createClient } from 'redis';

/** A redis-server of the test's own, without persistence, to kill and restart (never the shared one). */
export interface PrivateRedis {
  url: string;
  /** SIGKILL: everything in it is gone, as after a crash without persistence. */
  kill(): Promise<void>;
  start(): Promise<void>;
}

export function redisServerMissing(): string | undefined {
  const found = spawnSync('redis-server', ['--version']).status === 0;
  const reason = found ? undefined : 'redis-server is not installed';
  if (reason && process.env.CI === 'true') throw new Error(`${reason}; CI requires it`);
  if (reason) console.warn(`Skipping the Redis restart test: ${reason}.`);
  return reason;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await answering(url);
  };
  const kill = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise((resolve) => {
      running.once('exit', resolve);
      running.kill('SIGKILL');
    });
  };
  await start();
  return { url, kill, start };
}

async function answering(url: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const client = createClient({ url, socket: { reconnectStrategy: false } });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      client.destroy();
    }
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
