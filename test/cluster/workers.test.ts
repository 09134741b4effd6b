import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/contract/types.js';
import { createRoom, joinByCode, send } from '../support/chat.js';
import { connect, eventsNamed, guest, waitFor, waitForAnswer, type Client } from '../support/hearth.js';
import { freePort, startServerProcess } from '../support/server-process.js';
import { redisUnavailable, testRedisUrl, throwawayPrefix } from '../support/redis.js';

const skip = (await redisUnavailable()) !== undefined;
const dir = mkdtempSync(join(tmpdir(), 'hearth-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const start = startServerProcess;

// Starts three real processes: retried when the machine is loaded.
describe.skipIf(skip)('HEARTH_WORKERS', { retry: 2 }, () => {
  it('runs N workers behind one port that deliver to each other, and drains them all on SIGTERM', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const server = start({
      PORT: String(port),
      HEARTH_WORKERS: '2',
      DATABASE_URL: `sqlite:${join(dir, 'workers.db')}`,
      REDIS_URL: testRedisUrl,
      HEARTH_REDIS_PREFIX: throwawayPrefix('workers'),
    });
    const clients: Client[] = [];
    try {
      await waitForAnswer(
        () =>
          fetch(`${url}/healthz`).then(
            (r) => r.ok,
            () => false,
          ),
        'workers listening',
        20_000,
      );
      // Both workers run (the supervisor holds the port and hands connections to them).
      const workers = () =>
        execFileSync('pgrep', ['-P', String(server.child.pid), '-f', 'server/main'])
          .toString()
          .trim()
          .split('\n');
      await waitForAnswer(async () => workers().length === 2, 'two workers', 20_000);

      const ann = await guest({ url }, 'Ann');
      const bob = await guest({ url }, 'Bob');
      const room = await createRoom({ url }, ann, 'across workers');
      await joinByCode({ url }, bob, room.code);
      // Connections alternate between the workers, so these sockets are spread over both.
      for (let i = 0; i < 4; i++) clients.push(await connect({ url }, ann.token), await connect({ url }, bob.token));
      for (let i = 0; i < 10; i++) await send(clients[i % clients.length]!, room.id, `m${i}`);
      for (const client of clients) {
        await waitFor(() => eventsNamed<{ message: Message }>(client, 'message:created').length === 10, 'every delivery', 10_000);
        expect(eventsNamed<{ message: Message }>(client, 'message:created').map((e) => e.message.seq)).toEqual([
          1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
        ]);
      }
    } finally {
      for (const client of clients) client.close();
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
  }, 60_000);

  it('refuses to start workers without REDIS_URL, saying why', async () => {
    const server = start({
      PORT: String(await freePort()),
      HEARTH_WORKERS: '2',
      DATABASE_URL: `sqlite:${join(dir, 'alone.db')}`,
      REDIS_URL: '',
    });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('HEARTH_WORKERS needs REDIS_URL');
  }, 30_000);
});
