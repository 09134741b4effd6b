import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startHearth, waitFor, type TestServer } from '../support/hearth.js';
import { login, registered } from '../support/accounts.js';
import { resetLinkIn } from '../support/mail-receiver.js';

const run = promisify(execFile);
const outbox = mkdtempSync(join(tmpdir(), 'hearth-outbox-'));
const logLines: string[] = [];
const logStream = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logLines.push(chunk.toString());
    done();
  },
});
let server: TestServer;
beforeAll(async () => {
  server = await startHearth({ outboxDir: outbox, logLevel: 'debug', publicUrl: 'http://chat.local:3000' }, { logStream });
});
afterAll(async () => {
  await server.stop();
  rmSync(outbox, { recursive: true, force: true });
});

const hearth = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], {
    env: { ...process.env, DATABASE_URL: server.config.databaseUrl, PUBLIC_URL: 'http://chat.local:3000' },
  });

describe('without SMTP: the development outbox', () => {
  it('writes the reset mail under the outbox folder and logs its link', async () => {
    const account = await registered(server);
    await api(server, 'POST', '/api/auth/password-reset', { body: { email: account.email } });
    const file = await waitFor(
      () => readdirSync(outbox).find((name) => readFileSync(join(outbox, name), 'utf8').includes(account.email)),
      'outbox mail',
    );
    const link = resetLinkIn(readFileSync(join(outbox, file), 'utf8'));
    expect(link).toMatch(/^http:\/\/chat\.local:3000\/reset\//);
    await waitFor(() => logLines.some((line) => line.includes(link!)), 'logged link');
  });
});

describe('the operators’ command line', () => {
  it('reset-link prints a working one-time link; make-admin and list-users do what they say', async () => {
    const account = await registered(server);
    const { stdout } = await hearth('reset-link', account.user.username);
    const token = stdout.trim().split('/reset/')[1]!;
    expect(stdout).toMatch(/^http:\/\/chat\.local:3000\/reset\/\S+\n$/);
    const used = await api(server, 'POST', '/api/auth/password-reset/confirm', { body: { token, password: 'operator chosen pass' } });
    expect(used.status).toBe(204);
    expect((await login(server, account.email, 'operator chosen pass')).status).toBe(200);

    expect((await hearth('make-admin', account.email)).stdout).toContain('is now an admin');
    const listing = (await hearth('list-users')).stdout;
    expect(listing).toContain(`${account.user.username}\tadmin\t${account.email}\t${account.user.id}`);
  }, 30_000);

  it('an unknown user or command is refused with a message and a non-zero exit', async () => {
    await expect(hearth('make-admin', 'nobody-at-all')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('User not found'),
    });
    await expect(hearth('explode')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('usage') });
  }, 30_000);
});

describe('secrets in the logs', () => {
  it('no password, token or reset token appears in any log line, even at debug level', async () => {
    const secret = 'unmistakable-secret-passphrase';
    const account = await registered(server, { password: secret });
    await login(server, account.email, secret);
    await login(server, account.email, `${secret}-wrong`);
    await api(server, 'POST', '/api/account/password', {
      token: account.token,
      body: { currentPassword: secret, newPassword: `${secret}-2` },
    });
    await api(server, 'GET', '/api/me', { token: account.token, headers: { cookie: `hearth_session=${account.token}` } });
    const logs = logLines.join('');
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(secret);
    expect(logs).not.toContain(account.token);
  });
});
