// What a scenario measures: the bare Socket.IO reference, or Hearth on SQLite or PostgreSQL in one
// process, or in two processes sharing PostgreSQL and Redis. Each target is started fresh (its
// own temp dir, throwaway database, Redis key prefix and ports), every process pinned to the
// server core, and removed again afterwards.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createThrowawayDatabase } from './postgres.mjs';
import { freePort, startServer, waitHealthy } from './processes.mjs';
import { deletePrefix, throwawayPrefix } from './redis.mjs';

const HEALTH_TIMEOUT_S = 60;

export const TARGETS = {
  reference: { id: 'reference', kind: 'reference', engine: null, processes: 1, label: 'bare Socket.IO' },
  sqlite: { id: 'sqlite', kind: 'hearth', engine: 'sqlite', processes: 1, label: 'Hearth, SQLite' },
  postgres: { id: 'postgres', kind: 'hearth', engine: 'postgres', processes: 1, label: 'Hearth, PostgreSQL' },
  'sqlite-x2': { id: 'sqlite-x2', kind: 'hearth', engine: 'sqlite', processes: 2, label: 'Hearth, SQLite, 2 processes' },
  'postgres-x2': { id: 'postgres-x2', kind: 'hearth', engine: 'postgres', processes: 2, label: 'Hearth, PostgreSQL, 2 processes' },
};

/** The targets a run asks for, in measuring order: the reference first, then one process, then two. */
export function planTargets({ reference, engines, processes, twoProcessEngines = engines }) {
  const ids = reference ? ['reference'] : [];
  for (const count of [1, 2]) {
    if (!processes.includes(count)) continue;
    for (const engine of engines) {
      if (count === 1) ids.push(engine);
      else if (twoProcessEngines.includes(engine)) ids.push(`${engine}-x2`);
    }
  }
  const unknown = ids.filter((id) => !TARGETS[id]);
  if (unknown.length) throw new Error(`unknown engine in ${unknown.join(', ')}: use sqlite and/or postgres`);
  return ids.map((id) => TARGETS[id]);
}

/** Why this checkout's built Hearth cannot run two processes sharing Redis, or undefined when it can. */
export function twoProcessesUnsupported(root) {
  const dir = join(root, 'dist/node/server');
  if (!existsSync(join(dir, 'main.js'))) return 'dist/node/server/main.js is missing';
  const sources = readdirSync(dir, { recursive: true })
    .filter((file) => String(file).endsWith('.js'))
    .map((file) => readFileSync(join(dir, String(file)), 'utf8'));
  const reads = sources.some((text) => text.includes('REDIS_URL'));
  const adapter = sources.some((text) => text.includes('@socket.io/redis-streams-adapter'));
  return reads && adapter ? undefined : 'the built server (dist/) does not read REDIS_URL and create the Redis adapter yet';
}

/**
 * Starts a target. `hook` preloads bench/lib/server-hook.mjs in mode 'profile' or 'memory', writing
 * next to `hookOut`; `prepare({ databaseUrl })` runs on the empty, migrated-on-start database before
 * any server starts (the history scenario seeds it there). Returns urls, pids and stop().
 */
export async function startTarget(target, { root, flags, pin, cleanups, hook, hookOut, prepare, env: extraEnv = {} }) {
  const dir = mkdtempSync(join(tmpdir(), `hearth-bench-${target.id}-`));
  const servers = [];
  const undo = [async () => rmSync(dir, { recursive: true, force: true })];
  // Servers first, then what they used (database, Redis keys), then the temp dir.
  const stop = async () => {
    const complain = (error) => console.error(`[bench] clean-up: ${error.message}`);
    await Promise.all(servers.map((server) => server.stop().catch(complain)));
    for (const step of undo.reverse()) await step().catch(complain);
    servers.length = 0;
    undo.length = 0;
    cleanups.delete(stop);
  };
  cleanups.add(stop);
  try {
    const env = { HOST: '127.0.0.1', ...extraEnv };
    let dbName = null;
    let redisPrefix = null;
    if (target.kind === 'hearth') {
      Object.assign(env, { HEARTH_RATE_LIMITS: 'off', NODE_ENV: 'production' });
      if (target.engine === 'sqlite') {
        // --sqlite-dir puts the database elsewhere (say /dev/shm, to see what fsync costs).
        const dbDir = flags['sqlite-dir'] ? mkdtempSync(join(flags['sqlite-dir'], 'hearth-bench-')) : dir;
        if (dbDir !== dir) undo.push(async () => rmSync(dbDir, { recursive: true, force: true }));
        env.DATABASE_URL = `sqlite:${join(dbDir, 'bench.db')}`;
      } else {
        const database = await createThrowawayDatabase(flags['postgres-url']);
        undo.push(database.drop);
        env.DATABASE_URL = database.url;
        dbName = database.name;
      }
      if (target.processes > 1) {
        redisPrefix = throwawayPrefix();
        undo.push(() => deletePrefix(flags['redis-url'], redisPrefix));
        Object.assign(env, { REDIS_URL: flags['redis-url'], HEARTH_REDIS_PREFIX: redisPrefix });
      }
      if (prepare) await prepare({ databaseUrl: env.DATABASE_URL, dir });
    }
    const entry = join(root, target.kind === 'reference' ? 'bench/reference/bare-socketio.mjs' : 'dist/node/server/main.js');
    const hookArgs = hook ? ['--import', pathToFileURL(join(root, 'bench/lib/server-hook.mjs')).href] : [];
    if (hookOut) mkdirSync(join(hookOut, '..'), { recursive: true });
    // One after the other: the first migrates the database, the second finds it ready.
    for (let i = 0; i < target.processes; i++) {
      const port = await freePort();
      const out = hookOut && target.processes > 1 ? `${hookOut}-p${i + 1}` : hookOut;
      if (out) removeStale(out);
      const server = startServer({
        args: [...hookArgs, entry],
        env: { ...env, PORT: String(port), ...(hook ? { BENCH_HOOK: hook, BENCH_HOOK_OUT: out } : {}) },
        core: pin ? flags['server-core'] : null,
        logPath: join(dir, `server-${i + 1}.log`),
        cwd: root,
      });
      const url = `http://127.0.0.1:${port}`;
      servers.push({ ...server, url, hookOut: out });
      await waitHealthy(`${url}/healthz`, server, HEALTH_TIMEOUT_S * 1000);
    }
    return {
      target,
      urls: servers.map((s) => s.url),
      pids: servers.map((s) => s.pid),
      hookOuts: servers.map((s) => s.hookOut),
      dbName,
      redisPrefix,
      exited: () => servers.some((s) => s.exited()),
      exitStatuses: () => servers.map((s, i) => `server ${i + 1}: ${s.exitStatus() ?? 'running'}`).join(', '),
      logTail: () => servers.map((s, i) => `--- server ${i + 1} log (tail) ---\n${s.logTail()}`).join('\n'),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A profile or memory report left by an earlier run must never be read as this one's. */
function removeStale(out) {
  for (const file of [out, `${out}-1.json`, `${out}-2.json`, `${out}.heapprofile`]) rmSync(file, { force: true });
}

export const startBudgetSeconds = (target) => 5 + target.processes * HEALTH_TIMEOUT_S;
