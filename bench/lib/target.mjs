// Measures one target: a fresh temp dir and port, the server pinned to its core and healthy, the
// load generator pinned to the other core, then everything stopped and removed again.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { toArgv } from './flags.mjs';
import { freePort, onCore, runToEnd, startServer, waitHealthy } from './processes.mjs';
import { readUsage, waitForQuietCores } from './proc.mjs';

const servers = {
  reference: { entry: 'bench/reference/bare-socketio.mjs', env: () => ({}) },
  hearth: {
    entry: 'dist/node/server/main.js',
    env: (dir) => ({
      DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`,
      HEARTH_RATE_LIMITS: 'off',
      NODE_ENV: 'production',
    }),
  },
};
const HEALTH_TIMEOUT_S = 60;
const ENROL_ALLOWANCE_S = 120;

/** Upper bound on one target's wall time; the runner's watchdog adds these up. */
export function targetBudgetSeconds(flags) {
  const perStep = flags.seconds + flags.drain + 6; // settle pause and slack
  return (
    flags['wait-quiet'] +
    2 +
    HEALTH_TIMEOUT_S +
    ENROL_ALLOWANCE_S +
    flags.warmup +
    flags.drain +
    flags.steps.length * perStep +
    10
  );
}

export async function measureTarget(name, { root, flags, pin, cleanups }) {
  const cores = pin ? [flags['server-core'], flags['load-core']] : [];
  const quiet = flags['wait-quiet'] > 0 && cores.length ? await waitForQuietCores(cores, flags['wait-quiet']) : null;
  if (quiet && !quiet.quiet) console.warn(`[bench] cores still ${quiet.busiestCorePct} % busy; measuring anyway`);
  const dir = mkdtempSync(join(tmpdir(), `hearth-bench-${name}-`));
  const removeDir = async () => rmSync(dir, { recursive: true, force: true });
  cleanups.add(removeDir);
  const port = await freePort();
  const profilePath = join(root, 'bench/results/profiles', `${name}-${flags.profile}.cpuprofile`);
  const profileArgs = flags.profile ? ['--import', pathToFileURL(join(root, 'bench/lib/profile-hook.mjs')).href] : [];
  const server = startServer({
    args: [...profileArgs, join(root, servers[name].entry)],
    env: { PORT: String(port), HOST: '127.0.0.1', BENCH_PROFILE_PATH: profilePath, ...servers[name].env(dir) },
    core: pin ? flags['server-core'] : null,
    logPath: join(dir, 'server.log'),
    cwd: root,
  });
  cleanups.add(server.stop);
  try {
    await waitHealthy(`http://127.0.0.1:${port}/healthz`, server, HEALTH_TIMEOUT_S * 1000);
    if (flags.profile) mkdirSync(dirname(profilePath), { recursive: true });
    const loadArgs = toArgv({
      target: name,
      url: `http://127.0.0.1:${port}`,
      pid: server.pid,
      rooms: flags.rooms,
      'per-room': flags['per-room'],
      steps: flags.steps,
      seconds: flags.seconds,
      drain: flags.drain,
      warmup: flags.warmup,
      tick: flags.tick,
      'text-bytes': flags['text-bytes'],
      'profile-step': flags.profile,
      'server-core': pin ? flags['server-core'] : -1,
      'load-core': pin ? flags['load-core'] : -1,
    });
    const [command, args] = onCore(pin ? flags['load-core'] : null, process.execPath, [
      join(root, 'bench/load.mjs'),
      ...loadArgs,
    ]);
    const stdout = await runToEnd({
      command,
      args,
      cwd: root,
      timeoutMs: (targetBudgetSeconds(flags) - HEALTH_TIMEOUT_S) * 1000,
      onSpawn: (child) => cleanups.add(async () => child.kill('SIGKILL')),
    });
    const result = JSON.parse(stdout.trim().split('\n').pop());
    if (server.exited()) throw new Error(`server died during the run\n${server.logTail()}`);
    result.serverRssEndBytes = readUsage(server.pid).rssBytes;
    result.quietBeforeStart = quiet;
    if (flags.profile) result.profile = profilePath;
    return result;
  } catch (error) {
    console.error(`[bench] ${name} failed: ${error.message}\n--- server log (tail) ---\n${server.logTail()}`);
    return { target: name, error: error.message.split('\n')[0] };
  } finally {
    await server.stop();
    cleanups.delete(server.stop);
    await removeDir();
    cleanups.delete(removeDir);
  }
}
