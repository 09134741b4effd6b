import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startHearth } from '../support/hearth.js';

const webRoot = mkdtempSync(join(tmpdir(), 'hearth-web-'));
mkdirSync(join(webRoot, 'assets'));
writeFileSync(
  join(webRoot, 'index.html'),
  '<!doctype html><title>Hearth</title><script type="module" src="/assets/app-abc123.js"></script>',
);
writeFileSync(join(webRoot, 'assets', 'app-abc123.js'), 'console.log("hearth");'.repeat(200));
writeFileSync(join(webRoot, 'assets', 'app-abc123.js.map'), '{"version":3}');
writeFileSync(join(webRoot, 'assets', 'app-abc123.js.br'), brotliCompressSync(readFileSync(join(webRoot, 'assets', 'app-abc123.js'))));
writeFileSync(join(webRoot, 'assets', 'app-abc123.js.gz'), gzipSync(readFileSync(join(webRoot, 'assets', 'app-abc123.js'))));
afterAll(() => rmSync(webRoot, { recursive: true, force: true }));

describe('security headers', () => {
  it('every response carries a CSP without inline script, no framing, nosniff and a referrer policy', async () => {
    const server = await startHearth({ webRoot });
    try {
      for (const path of ['/', '/rooms/abc', '/api/me', '/healthz', '/assets/app-abc123.js', '/api/nowhere']) {
        const res = await fetch(server.url + path);
        const csp = res.headers.get('content-security-policy') ?? '';
        expect(csp, path).toContain("script-src 'self'");
        expect(csp, path).not.toContain('unsafe-inline');
        expect(csp, path).toContain("frame-ancestors 'none'");
        expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
        expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
        expect(res.headers.get('strict-transport-security'), path).toBeNull();
      }
    } finally {
      await server.stop();
    }
  });

  it('HSTS is sent when PUBLIC_URL is https', async () => {
    const server = await startHearth({ webRoot, publicUrl: 'https://chat.example.org' });
    try {
      expect((await fetch(`${server.url}/healthz`)).headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    } finally {
      await server.stop();
    }
  });
});

/** Raw bytes and headers: fetch would decompress for us and hide what was sent. */
function rawGet(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('static assets', () => {
  it('hashed assets go out precompressed (brotli, else gzip) with a year-long immutable cache', async () => {
    const server = await startHearth({ webRoot });
    try {
      const br = await rawGet(`${server.url}/assets/app-abc123.js`, { 'accept-encoding': 'br, gzip' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(br.body.length).toBeLessThan(readFileSync(join(webRoot, 'assets', 'app-abc123.js')).length);
      const gz = await rawGet(`${server.url}/assets/app-abc123.js`, { 'accept-encoding': 'gzip' });
      expect(gz.headers['content-encoding']).toBe('gzip');
      const page = await rawGet(`${server.url}/rooms/abc`);
      expect(page.headers['cache-control']).toBe('no-cache');
    } finally {
      await server.stop();
    }
  });

  it('source maps are not served in production, and are on a laptop', async () => {
    const production = await startHearth({ webRoot, production: true });
    const laptop = await startHearth({ webRoot });
    try {
      expect((await rawGet(`${production.url}/assets/app-abc123.js.map`)).status).toBe(404);
      expect((await rawGet(`${laptop.url}/assets/app-abc123.js.map`)).status).toBe(200);
    } finally {
      await production.stop();
      await laptop.stop();
    }
  });
});
