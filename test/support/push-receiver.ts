import { createECDH, createPublicKey, randomBytes, verify, type ECDH } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decrypt } from 'http_ece';

/**
 * A push service on this machine, as a browser vendor's would be: HTTPS (a certificate made here,
 * which the server under test is told to trust), a subscription per "browser" with its own P-256
 * key pair and auth secret, and for every push it receives, the VAPID check a real push service
 * makes (RFC 8292: an ES256 JWT for this origin, signed by the key in `k`) and the decryption the
 * browser makes (RFC 8291, aes128gcm), with the library web-push's own encryption is the inverse of.
 */
export interface ReceivedPush {
  subscription: string;
  /** The decrypted payload, parsed. */
  payload: Record<string, unknown>;
  vapid: { publicKey: string; audience: string; subject: string; expiresInS: number };
  ttl: string | undefined;
  urgency: string | undefined;
}

export interface Browser {
  id: string;
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } };
  /** What this browser's push service answers next: 201, or 410 (gone), or 500. */
  answer: number;
}

const b64url = (bytes: Buffer): string => bytes.toString('base64url');

export interface PushReceiver {
  origin: string;
  caFile: string;
  pushes: ReceivedPush[];
  /** Pushes refused (a bad signature or payload): always empty when the server is right. */
  refused: string[];
  browser(): Browser;
  close(): Promise<void>;
}

export async function startPushReceiver(): Promise<PushReceiver> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-push-'));
  const keyFile = join(dir, 'key.pem');
  const caFile = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      caFile,
      '-days',
      '1',
    ].concat(['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1']),
    { stdio: 'ignore' },
  );
  const browsers = new Map<string, { browser: Browser; ecdh: ECDH; auth: Buffer }>();
  const pushes: ReceivedPush[] = [];
  const refused: string[] = [];
  let origin = '';

  const server = createServer({ key: readFileSync(keyFile), cert: readFileSync(caFile) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = /^\/push\/([\w-]+)$/.exec(req.url ?? '')?.[1];
      const held = id === undefined ? undefined : browsers.get(id);
      if (!held || req.method !== 'POST') return void res.writeHead(404).end();
      try {
        const vapid = checkVapid(req.headers.authorization, origin);
        if (req.headers['content-encoding'] !== 'aes128gcm') throw new Error(`content-encoding ${req.headers['content-encoding']}`);
        const clear = decrypt(Buffer.concat(chunks), { version: 'aes128gcm', privateKey: held.ecdh, authSecret: held.auth });
        const answer = held.browser.answer;
        if (answer === 201) {
          pushes.push({
            subscription: held.browser.id,
            payload: JSON.parse(clear.toString('utf8')) as Record<string, unknown>,
            vapid,
            ttl: req.headers.ttl as string | undefined,
            urgency: req.headers.urgency as string | undefined,
          });
        }
        res.writeHead(answer).end();
      } catch (error) {
        refused.push(String(error));
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let next = 0;
  return {
    origin,
    caFile,
    pushes,
    refused,
    browser() {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const id = `b${++next}`;
      const browser: Browser = {
        id,
        subscription: { endpoint: `${origin}/push/${id}`, keys: { p256dh: b64url(ecdh.getPublicKey()), auth: b64url(auth) } },
        answer: 201,
      };
      browsers.set(id, { browser, ecdh, auth });
      return browser;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `Authorization: vapid t=<JWT>, k=<public key>`: the JWT is ES256, for this origin, not expired, signed by k. */
function checkVapid(header: string | undefined, origin: string): ReceivedPush['vapid'] {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header ?? '');
  if (!match) throw new Error(`no VAPID authorization: ${header}`);
  const [, token, k] = match as unknown as [string, string, string];
  const [head, body, signature] = token.split('.') as [string, string, string];
  const point = Buffer.from(k, 'base64url');
  if (point.length !== 65 || point[0] !== 4) throw new Error('k is not an uncompressed P-256 point');
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33)) },
    format: 'jwk',
  });
  const signed = verify('sha256', Buffer.from(`${head}.${body}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
  if (!signed) throw new Error('VAPID signature does not verify');
  const alg = (JSON.parse(Buffer.from(head, 'base64url').toString()) as { alg?: string }).alg;
  if (alg !== 'ES256') throw new Error(`alg ${alg}`);
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as { aud?: string; exp?: number; sub?: string };
  if (claims.aud !== origin) throw new Error(`aud ${claims.aud}, not ${origin}`);
  const expiresInS = (claims.exp ?? 0) - Math.floor(Date.now() / 1000);
  if (expiresInS <= 0 || expiresInS > 24 * 3600) throw new Error(`exp ${claims.exp}`);
  if (!claims.sub || !/^(mailto:|https:)/.test(claims.sub)) throw new Error(`sub ${claims.sub}`);
  return { publicKey: k, audience: claims.aud, subject: claims.sub, expiresInS };
}
