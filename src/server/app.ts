import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import type { Cluster } from './cluster.js';
import { publicBaseUrl, type Config } from './config.js';
import { trustProxyOption } from './transport/proxy-trust.js';
import type { CoreDeps } from './core/shared/deps.js';
import type { Mailer, PasswordHasher } from './core/accounts/ports.js';
import type { PresenceTracker } from './core/presence/ports.js';
import type { Clock, Ids, RateLimiter } from './core/shared/ports.js';
import { presenceChanged } from './core/presence/presence.js';
import { defaultRateRules, type RateRules } from './core/shared/rate-rules.js';
import { clientError, frameworkError, registerErrorHandling, registerNotFound } from './http/errors.js';
import { accountRoutes } from './http/account-routes.js';
import { healthRoutes } from './http/health-routes.js';
import { acceptEmptyJson } from './http/json-body.js';
import { roomRoutes } from './http/room-routes.js';
import { directRoutes } from './http/direct-routes.js';
import { peopleRoutes } from './http/people-routes.js';
import { attentionRoutes } from './http/attention-routes.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerSessionContext } from './http/session-context.js';
import { sessionRoutes } from './http/session-routes.js';
import { registerWebClient } from './http/web-client.js';
import { argon2Threads } from './hashing/argon2-threads.js';
import { boundedHasher } from './hashing/bounded-hasher.js';
import { MemoryPresence } from './memory/memory-presence.js';
import { devOutbox } from './mail/dev-outbox.js';
import { smtpMailer } from './mail/smtp-mailer.js';
import { MemoryRateLimiter, unlimited } from './memory/memory-rate-limiter.js';
import { nodeIds, systemClock } from './memory/node-ids.js';
import { instrumentStores } from './ops/instrument-stores.js';
import { createMetrics, type Metrics } from './ops/metrics.js';
import { Readiness, type Probes } from './ops/readiness.js';
import { scheduleHousekeeping } from './ops/housekeeping.js';
import { watchCluster } from './ops/watch-cluster.js';
import { sweepEndedSessions } from './realtime/session-sweep.js';
import { closeSlowReaders } from './realtime/slow-readers.js';
import { attachGateway, createSocketServer } from './realtime/gateway.js';
import { socketBroadcaster } from './realtime/socket-broadcaster.js';
import type { HearthServer } from './realtime/types.js';
import { QuietRequestLog } from './http/request-log.js';
import { scheduleNotifications, type NotificationRunner } from './ops/notifications.js';
import { loadVapidKeys } from './push/vapid-keys.js';
import { webPushSender } from './push/web-push-sender.js';
import type { PushSender } from './core/attention/notify/ports.js';
import { pushRoutes } from './http/push-routes.js';
import { fileRoutes } from './http/file-routes.js';
import { diskBlobStore } from './blobs/disk-blob-store.js';
import { s3BlobStore } from './blobs/s3-blob-store.js';
import { mediaWork } from './media/media-work.js';
import type { BlobStore } from './core/files/ports.js';
import { join } from 'node:path';
import { previewFetcher } from './previews/preview-fetcher.js';
import { schedulePreviews, type PreviewRunner } from './ops/previews.js';
import type { GuardOptions } from './previews/guarded-fetch.js';

import type { Stores } from './core/shared/ports.js';
export type { Stores };

/** What the composition root (or a test) hands in; shared-state adapters default to one process. */
export interface AppDeps {
  stores: Stores;
  /** Several processes: delivery, presence and rate limits through Redis (main.ts, from REDIS_URL). */
  cluster?: Cluster;
  /** Override the cluster's or the memory adapters (tests). */
  presence?: PresenceTracker;
  limiter?: RateLimiter;
  rateRules?: RateRules;
  clock?: Clock;
  ids?: Ids;
  passwords?: PasswordHasher;
  mailer?: Mailer;
  /** Where log lines go (tests read them); standard output by default. */
  logStream?: DestinationStream;
  /** Replace readiness probes (tests make one fail); by default the stores' ping and the cluster's. */
  probes?: Partial<Probes>;
  readinessIntervalMs?: number;
  /** Web Push (tests may trust a local push service through config.pushCaFile instead). */
  push?: PushSender;
  /** Where files' bytes go: by default config.files (a folder, or S3). */
  blobs?: BlobStore;
  /** Link previews' address guard, widened by tests to a loopback address and ports of theirs. */
  previewGuard?: Pick<GuardOptions, 'isPublic' | 'ports' | 'timeoutMs'>;
}

export interface Hearth {
  app: FastifyInstance;
  /** Every HTTP route, as registered: the fuzz tests try each one. */
  routes: Array<{ method: string; url: string }>;
  io: HearthServer;
  readiness: Readiness;
  metrics: Metrics;
  notifications: NotificationRunner;
  previews: PreviewRunner;
}

/** Wires HTTP, sockets and the core. Never listens: main.ts and the tests decide where. */
export async function buildApp(config: Config, deps: AppDeps): Promise<Hearth> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      ...(deps.logStream ? { stream: deps.logStream } : {}),
    },
    bodyLimit: 64 * 1024,
    trustProxy: trustProxyOption(config.trustProxy),
    logController: new QuietRequestLog(),
    frameworkErrors: frameworkError,
    clientErrorHandler: clientError,
  });
  const io = createSocketServer(app, config, deps.cluster?.adapter, config.workers > 1);
  const metrics = createMetrics(() => io.of('/').sockets.size);
  const { ping, ...stores } = instrumentStores(deps.stores, metrics.dbLatency);
  const readiness = new Readiness(
    { database: deps.probes?.database ?? ping, redis: deps.probes?.redis ?? deps.cluster?.ping },
    deps.cluster?.connected,
  );
  const clock = deps.clock ?? systemClock;
  const hashingThreads = argon2Threads(config.hashing.concurrency);
  app.addHook('onClose', async () => hashingThreads.close());
  const shared = config.rateLimits ? deps.cluster?.limiter : undefined;
  // The runner needs the core and the core pokes the runner: wired once both exist.
  let notifySoon = (): void => undefined;
  let previewSoon: CoreDeps['previewSoon'] = (): void => undefined;
  const spoolDir = join(config.files.dir, 'spool');
  const blobs = deps.blobs ?? openBlobStore(app, config);
  const fetcher = openPreviewFetcher(app, config, { blobs, store: stores.previews, clock, guard: deps.previewGuard });
  const core: CoreDeps = {
    ...stores,
    presence: deps.presence ?? deps.cluster?.presence ?? new MemoryPresence(),
    broadcast: socketBroadcaster(io),
    limiter: deps.limiter ?? shared ?? (config.rateLimits ? new MemoryRateLimiter(clock) : unlimited),
    rateRules: deps.rateRules ?? defaultRateRules,
    ids: deps.ids ?? nodeIds,
    clock,
    sessionTtlMs: config.sessionTtlMs,
    sessionLifetimeMs: config.sessionLifetimeMs,
    passwords: boundedHasher(deps.passwords ?? hashingThreads, config.hashing),
    mailer:
      deps.mailer ??
      (config.smtpUrl
        ? smtpMailer(config.smtpUrl, config.mailFrom)
        : devOutbox(config.outboxDir, config.mailFrom, app.log, config.production)),
    publicUrl: publicBaseUrl(config),
    push:
      deps.push ??
      webPushSender({
        keys: loadVapidKeys(config.vapid),
        subject: config.vapid.subject,
        hosts: config.pushHosts,
        caFile: config.pushCaFile,
      }),
    pushHosts: config.pushHosts,
    notifySoon: () => notifySoon(),
    previewSoon: (message) => previewSoon(message),
    blobs,
    previewFetcher: fetcher,
    media: mediaWork({ workDir: spoolDir, refusedExtensions: config.files.refusedExtensions }),
    uploads: { maxBytes: config.files.maxBytes, quotaBytes: config.files.quotaBytes },
    background: (work, what) => void work.catch((err: unknown) => app.log.error({ err }, `${what} failed`)),
  };

  const routes: Hearth['routes'] = [];
  app.addHook('onRoute', ({ method, url }) => {
    for (const one of [method].flat()) if (one !== 'HEAD') routes.push({ method: one, url });
  });
  registerErrorHandling(app);
  acceptEmptyJson(app);
  const secure = config.publicUrl?.startsWith('https:') ?? false;
  registerSecurityHeaders(app, { https: secure });
  await app.register(fastifyCookie);
  registerSessionContext(app, core, config);
  await app.register(healthRoutes(readiness, metrics));
  const cookiePolicy = { secure, maxAgeSeconds: Math.floor(config.sessionLifetimeMs / 1000) };
  await app.register(sessionRoutes(core, cookiePolicy));
  await app.register(roomRoutes(core));
  await app.register(directRoutes(core));
  await app.register(peopleRoutes(core));
  await app.register(attentionRoutes(core));
  await app.register(pushRoutes(core));
  await app.register(fileRoutes(core, spoolDir));
  await app.register(accountRoutes(core, cookiePolicy));
  registerNotFound(app, await registerWebClient(app, config.webRoot, config.production));
  const notifications = scheduleNotifications(app, core, metrics, { intervalMs: config.notifyIntervalMs, digestMs: config.digestSweepMs });
  notifySoon = notifications.poke;
  const previews = schedulePreviews(app, core, config.previews.enabled);
  previewSoon = previews.enqueue;
  attachGateway(app, io, core, {
    origins: config,
    maxSocketsPerUser: config.maxSocketsPerUser,
    shutdownGraceMs: config.shutdownGraceMs,
    readiness,
    metrics,
  });
  sweepEndedSessions(app, io, core, config.sessionSweepMs);
  closeSlowReaders(app, io, config.slowReaders);
  scheduleHousekeeping(app, core, config.housekeepingMs);
  if (deps.cluster) watchCluster(deps.cluster, { app, io, metrics });
  core.presence.onChange?.((change) => core.background(presenceChanged(core, change), 'announcing presence found by a sweep'));
  app.addHook('onReady', async () => readiness.start(deps.readinessIntervalMs ?? 2_000));
  app.addHook('onClose', async () => readiness.stop());
  return { app, routes, io, readiness, metrics, notifications, previews };
}

function openPreviewFetcher(
  app: FastifyInstance,
  config: Config,
  { blobs, store, clock, guard }: { blobs: BlobStore; store: Stores['previews']; clock: Clock; guard: AppDeps['previewGuard'] },
) {
  const fetcher = previewFetcher({
    ...guard,
    allowPrivate: config.previews.allowPrivate,
    blobs,
    store,
    workDir: join(config.files.dir, 'spool'),
    clock: () => clock.now(),
    onSkip: (url, reason) => app.log.debug({ url, reason: String(reason) }, 'no link preview'),
  });
  app.addHook('onClose', async () => fetcher.close());
  return fetcher;
}

function openBlobStore(app: FastifyInstance, config: Config): BlobStore {
  if (!config.files.s3) return diskBlobStore(config.files.dir);
  const store = s3BlobStore(config.files.s3);
  app.addHook('onClose', async () => store.close());
  return store;
}
