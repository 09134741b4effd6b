import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connectSocket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { waitForAnswer } from '../support/hearth.js';
import { freePort, startServerProcess } from '../support/server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const healthy = (url: string) =>
  fetch(`${url}/healthz`).then(
    (r) => r.ok,
    () => false,
  );

describe('the process stays up', () => {
  it('the handshake cookie that used to kill the process leaves /healthz answering', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const server = startServerProcess({ PORT: String(port), DATABASE_URL: `sqlite:${join(dir, 'crash.db')}` });
    try {
      await waitForAnswer(() => healthy(url), 'the server listening', 20_000);
      for (const cookie of ['hearth_session=%E0%A4%A', 'hearth_session=%']) {
        const socket = connectSocket(url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie } });
        const data = await new Promise<unknown>((resolve) =>
          socket.once('connect_error', (error: Error & { data?: unknown }) => resolve(error.data)),
        );
        socket.disconnect();
        expect(data).toEqual({ code: 'UNAUTHENTICATED' });
      }
      expect(await healthy(url)).toBe(true);
      expect(server.child.exitCode).toBeNull();
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 30_000);

  it('an unhandled rejection is logged with its stack and the process keeps serving', async () => {
    const program = `
      import { keepServingOnUnhandledRejection } from './src/server/ops/last-line.ts';
      import { pino } from 'pino';
      keepServingOnUnhandledRejection(pino());
      Promise.reject(new Error('a bug nobody awaited'));
      setTimeout(() => console.log('still serving'), 200);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', program], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    expect(output).toContain('a bug nobody awaited');
    expect(output).toMatch(/"stack":"Error: a bug nobody awaited\\n\s+at /);
    expect(output).toContain('still serving');
  }, 20_000);
});
