import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startHearth, type TestServer } from '../support/hearth.js';

const webRoot = mkdtempSync(join(tmpdir(), 'hearth-web-'));
let server: TestServer;
beforeAll(async () => {
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Hearth</title>');
  writeFileSync(join(webRoot, 'assets', 'app-1.js'), 'console.log(1)');
  server = await startHearth({ webRoot });
});
afterAll(async () => {
  await server.stop();
  rmSync(webRoot, { recursive: true, force: true });
});

const get = (path: string) => fetch(server.url + path);

describe('serving the web client', () => {
  it('serves the page at / and at client routes such as invite links', async () => {
    for (const path of ['/', '/join/ABCDEFGH', '/rooms/some-id']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>Hearth</title>');
    }
  });

  it('serves assets built after the server started, and 404s a missing asset instead of the page', async () => {
    writeFileSync(join(webRoot, 'assets', 'app-2.js'), 'console.log(2)');
    const fresh = await get('/assets/app-2.js');
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('content-type')).toMatch(/javascript/);
    expect((await get('/assets/missing.js')).status).toBe(404);
  });

  it('answers unknown API paths with the JSON error shape, not the page', async () => {
    const res = await api(server, 'GET', '/api/unknown');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await api(server, 'POST', '/somewhere')).status).toBe(404);
  });
});
