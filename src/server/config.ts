import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseProxyTrust, type ProxyTrust } from './transport/proxy-trust.js';
import type { S3Settings } from './blobs/s3-blob-store.js';
import { defaultRefusedExtensions } from './media/classify.js';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  redisUrl: string | undefined;
  /** Prefixes Redis keys, streams and channels, so installations can share one Redis. */
  redisPrefix: string;
  /** Worker processes behind one port (HEARTH_WORKERS); 1 runs the server in this process. */
  workers: number;
  rateLimits: boolean;
  /** Origins allowed besides the server's own (comma-separated HEARTH_ALLOWED_ORIGINS). */
  allowedOrigins: string[];
  publicUrl: string | undefined;
  webRoot: string;
  logLevel: string;
  /** A session unused this long ends (sliding). */
  sessionTtlMs: number;
  /** A session ends this long after sign-in whatever its use (absolute). */
  sessionLifetimeMs: number;
  shutdownGraceMs: number;
  /** The reverse proxies whose X-Forwarded-For is believed (HEARTH_TRUST_PROXY). */
  trustProxy: ProxyTrust;
  /** How often open sockets' sessions are checked (HEARTH_SESSION_SWEEP_MS). */
  sessionSweepMs: number;
  /** How often dead sessions, links and idle guests are removed (HEARTH_HOUSEKEEPING_MS). */
  housekeepingMs: number;
  /** When a socket that stopped reading is closed (HEARTH_SLOW_READER_PACKETS, _BYTES). */
  slowReaders: { maxQueuedPackets: number; maxBufferedBytes: number; intervalMs: number };
  /** Sockets one user may hold per process (HEARTH_MAX_SOCKETS_PER_USER); the oldest go first. */
  maxSocketsPerUser: number;
  /** Password hashes at once and waiting (HEARTH_HASH_CONCURRENCY, HEARTH_HASH_QUEUE). */
  hashing: { concurrency: number; queue: number };
  /** NODE_ENV=production: warnings for what a laptop install may skip, no source maps served. */
  production: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  outboxDir: string;
  /** Web Push: VAPID keys given (VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY) or kept in this file, made on first start. */
  vapid: { publicKey: string | undefined; privateKey: string | undefined; keysFile: string; subject: string };
  /** Hosts a browser's push endpoint may be on (HEARTH_PUSH_HOSTS, comma-separated; `*.` for subdomains). */
  pushHosts: string[];
  /** A PEM file of extra certificate authorities trusted for push endpoints (HEARTH_PUSH_CA; tests). */
  pushCaFile: string | undefined;
  /** How often the notification queue is looked at besides each send (HEARTH_NOTIFY_MS). */
  notifyIntervalMs: number;
  /** How often missed mentions are mailed (HEARTH_DIGEST_SWEEP_MS). */
  digestSweepMs: number;
  files: {
    /** The disk store's folder (HEARTH_FILES_DIR); uploads are spooled under it too. */
    dir: string;
    /** Bytes a file may have (HEARTH_UPLOAD_MAX) and a person's files together (HEARTH_UPLOAD_QUOTA). */
    maxBytes: number;
    quotaBytes: number;
    /** Sniffed types refused outright, by extension (HEARTH_UPLOAD_REFUSE, comma-separated). */
    refusedExtensions: string[];
    /** S3-compatible storage instead of the folder (HEARTH_S3_BUCKET and the other HEARTH_S3_*). */
    s3: S3Settings | undefined;
  };
  previews: {
    /** Link cards fetched by the server (HEARTH_LINK_PREVIEWS=off turns them off). */
    enabled: boolean;
    /** Intranet installs: pages on private addresses may be previewed (HEARTH_PREVIEW_PRIVATE=on). */
    allowPrivate: boolean;
  };
}

/** The push services of Chrome/Edge (FCM), Firefox, Safari and Windows. */
export const defaultPushHosts = ['fcm.googleapis.com', '*.push.services.mozilla.com', '*.push.apple.com', '*.notify.windows.com'];

const defaultWebRoot = fileURLToPath(new URL('../../web', import.meta.url));
const day = 24 * 60 * 60 * 1000;

/** The base of links in mails: PUBLIC_URL, or this machine's own address for a laptop install. */
export function publicBaseUrl(config: Pick<Config, 'publicUrl' | 'port'>): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: parsePort(env.PORT ?? '3000'),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL ?? 'sqlite:./data/hearth.db',
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: env.HEARTH_REDIS_PREFIX ?? 'hearth:',
    workers: parseWorkers(env.HEARTH_WORKERS ?? '1'),
    rateLimits: env.HEARTH_RATE_LIMITS !== 'off',
    allowedOrigins: (env.HEARTH_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    publicUrl: env.PUBLIC_URL || undefined,
    webRoot: env.HEARTH_WEB_ROOT ?? defaultWebRoot,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    sessionTtlMs: 14 * day,
    sessionLifetimeMs: 30 * day,
    shutdownGraceMs: Number(env.HEARTH_SHUTDOWN_GRACE_MS ?? 10_000),
    trustProxy: parseProxyTrust(env.HEARTH_TRUST_PROXY),
    sessionSweepMs: positiveInteger('HEARTH_SESSION_SWEEP_MS', env.HEARTH_SESSION_SWEEP_MS, 60_000),
    housekeepingMs: positiveInteger('HEARTH_HOUSEKEEPING_MS', env.HEARTH_HOUSEKEEPING_MS, 60 * 60_000),
    slowReaders: {
      maxQueuedPackets: positiveInteger('HEARTH_SLOW_READER_PACKETS', env.HEARTH_SLOW_READER_PACKETS, 2_000),
      maxBufferedBytes: positiveInteger('HEARTH_SLOW_READER_BYTES', env.HEARTH_SLOW_READER_BYTES, 8 * 1024 * 1024),
      intervalMs: 500,
    },
    maxSocketsPerUser: positiveInteger('HEARTH_MAX_SOCKETS_PER_USER', env.HEARTH_MAX_SOCKETS_PER_USER, 20),
    hashing: {
      // One core stays free for the chat itself while a flood of sign-ins is hashed.
      concurrency: positiveInteger('HEARTH_HASH_CONCURRENCY', env.HEARTH_HASH_CONCURRENCY, Math.max(1, availableParallelism() - 1)),
      queue: positiveInteger('HEARTH_HASH_QUEUE', env.HEARTH_HASH_QUEUE, 64),
    },
    production: env.NODE_ENV === 'production',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Hearth <hearth@localhost>',
    outboxDir: env.HEARTH_OUTBOX_DIR ?? './data/outbox',
    vapid: {
      publicKey: env.VAPID_PUBLIC_KEY || undefined,
      privateKey: env.VAPID_PRIVATE_KEY || undefined,
      keysFile: env.HEARTH_VAPID_FILE ?? './data/vapid-keys.json',
      subject: env.VAPID_SUBJECT ?? `mailto:${addressOf(env.MAIL_FROM ?? 'hearth@localhost')}`,
    },
    pushHosts: env.HEARTH_PUSH_HOSTS
      ? env.HEARTH_PUSH_HOSTS.split(',')
          .map((h) => h.trim().toLowerCase())
          .filter(Boolean)
      : defaultPushHosts,
    pushCaFile: env.HEARTH_PUSH_CA || undefined,
    notifyIntervalMs: positiveInteger('HEARTH_NOTIFY_MS', env.HEARTH_NOTIFY_MS, 2_000),
    digestSweepMs: positiveInteger('HEARTH_DIGEST_SWEEP_MS', env.HEARTH_DIGEST_SWEEP_MS, 60_000),
    files: {
      dir: env.HEARTH_FILES_DIR ?? './data/files',
      maxBytes: positiveInteger('HEARTH_UPLOAD_MAX', env.HEARTH_UPLOAD_MAX, 25 * mb),
      quotaBytes: positiveInteger('HEARTH_UPLOAD_QUOTA', env.HEARTH_UPLOAD_QUOTA, 1024 * mb),
      refusedExtensions: env.HEARTH_UPLOAD_REFUSE !== undefined ? list(env.HEARTH_UPLOAD_REFUSE) : [...defaultRefusedExtensions],
      s3: env.HEARTH_S3_BUCKET
        ? {
            bucket: env.HEARTH_S3_BUCKET,
            endpoint: env.HEARTH_S3_ENDPOINT || undefined,
            region: env.HEARTH_S3_REGION ?? 'us-east-1',
            accessKeyId: env.HEARTH_S3_ACCESS_KEY_ID || undefined,
            secretAccessKey: env.HEARTH_S3_SECRET_ACCESS_KEY || undefined,
            forcePathStyle: env.HEARTH_S3_PATH_STYLE !== 'off',
            prefix: env.HEARTH_S3_PREFIX ?? '',
          }
        : undefined,
    },
    previews: {
      enabled: env.HEARTH_LINK_PREVIEWS !== 'off',
      allowPrivate: env.HEARTH_PREVIEW_PRIVATE === 'on',
    },
  };
}

const mb = 1024 * 1024;

const list = (value: string): string[] =>
  value
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);

/** "Hearth <hearth@example.org>" → "hearth@example.org". */
function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}

function parseWorkers(value: string): number {
  if (value === 'auto') return availableParallelism();
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 1 || workers > 256)
    throw new Error(`HEARTH_WORKERS must be a whole number 1–256 or "auto", got "${value}"`);
  return workers;
}

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${name} must be a whole number of at least 1, got "${value}"`);
  return number;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0–65535, got "${value}"`);
  return port;
}
