// `npm run bench`: runs each scenario (bench/scenarios/*) on the bare Socket.IO reference and on
// Hearth — SQLite and PostgreSQL, one process and two sharing Redis — each target started fresh,
// every server process pinned to one core and every load generator (bench/load/*) to another.
// Judges the goals, profiles the misses, and writes bench/results/<date>.json and the
// results section of docs/performance.md.
//
//   npm run bench -- [--scenarios fanout,memory,connect,ingest,history,hashflood,slowreaders] [--engines sqlite,postgres]
//                    [--processes 1,2] [--no-reference] [--profile SCENARIOS] [--no-profile-misses]
//                    [--build] [--no-write]        (every flag: npm run bench -- --help)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFlags } from './lib/flags.mjs';
import { judgeGoals } from './lib/goals.mjs';
import { NOISY_PCT, noisePct } from './lib/noise.mjs';
import { postgresUnavailable } from './lib/postgres.mjs';
import { canPin } from './lib/processes.mjs';
import { redisUnavailable } from './lib/redis.mjs';
import { renderReport, updateDoc, writeResults } from './lib/report.mjs';
import { planTargets, startBudgetSeconds, TARGETS, twoProcessesUnsupported } from './lib/targets.mjs';
import * as connect from './scenarios/connect.mjs';
import * as fanout from './scenarios/fanout.mjs';
import * as hashflood from './scenarios/hashflood.mjs';
import * as history from './scenarios/history.mjs';
import * as ingest from './scenarios/ingest.mjs';
import * as memory from './scenarios/memory.mjs';
import * as slowreaders from './scenarios/slowreaders.mjs';
import { heapFindings } from './scenarios/memory.mjs';

const SCENARIOS = [fanout, memory, connect, ingest, history, hashflood, slowreaders];
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const flags = readFlags(
  process.argv.slice(2),
  {
    scenarios: SCENARIOS.map((s) => s.name).join(','),
    engines: 'sqlite,postgres',
    processes: [1, 2],
    'two-process-engines': 'postgres', // SQLite in two processes shares one file: add it here to measure that too
    reference: true,
    profile: '', // scenarios whose measured phase is CPU-profiled; such a run writes no results
    'profile-misses': true, // rerun each missed goal's scenario on its target under the profiler
    'profile-step': 0, // fan-out rate to profile (default: the top step)
    build: false,
    write: true,
    'wait-quiet': 15,
    'noise-retries': 1, // measure a target again when other programs used the cores meanwhile; keep the quieter
    'server-core': 0,
    'load-core': 1,
    'postgres-url': 'postgres://postgres@127.0.0.1:5432/test',
    'redis-url': 'redis://127.0.0.1:6379',
    'sqlite-dir': '', // where SQLite databases go (default: the temp dir); a diagnostic, e.g. /dev/shm
    // fan-out
    rooms: 10,
    'per-room': 50,
    steps: [100, 400],
    seconds: 10,
    drain: 5,
    warmup: 3,
    tick: 5,
    'text-bytes': 64,
    // memory, arrival, ingest, history
    'memory-clients': 10_000,
    'memory-per-room': 50,
    'memory-concurrency': 100,
    'connect-clients': 5000,
    'connect-per-room': 50,
    'connect-concurrency': 200,
    'ingest-rooms': 500,
    'ingest-per-room': 2,
    'ingest-window': 1,
    'ingest-seconds': 10,
    'history-messages': 1_000_000,
    'history-requests': 200,
    'fanout-changes-pct': 0, // Hearth only: % of fan-out events that toggle a reaction instead of sending
    'fanout-reads-pct': 0, // Hearth only: % of fan-out events that mark the room read (room:read) instead of sending
    'history-rich': 0, // 1: every message with two reactions, every third a reply
    // hash flood, slow readers
    'hashflood-rooms': 20,
    'hashflood-per-room': 5,
    'hashflood-rate': 100,
    'hashflood-requests': 500,
    'hashflood-seconds': 10,
    'hashflood-queue': 0, // 0: Hearth's default
    'hashflood-path': '/api/auth/login', // another route: what a burst of requests costs without hashing
    'hashflood-concurrency': 0,
    'hashflood-arrival': 'paced', // or burst: each second's sign-ins in the same millisecond
    'slow-members': 500,
    'slow-rate': 20,
    'slow-text-bytes': 4000,
    'slow-stalled-pct': 10,
    'slow-seconds': 15,
    'slow-backlog-packets': 100,
  },
  'npm run bench -- [flags]   (see docs/performance.md)',
);

const list = (text) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const scenarios = list(flags.scenarios).map((name) => SCENARIOS.find((s) => s.name === name) ?? fail(`unknown scenario "${name}"`));
const profile = new Set(flags.profile === 'true' ? scenarios.map((s) => s.name) : list(flags.profile));
const targets = planTargets({
  reference: flags.reference,
  engines: list(flags.engines),
  processes: flags.processes,
  twoProcessEngines: list(flags['two-process-engines']),
});
const pin = canPin() && cpus().length >= 2;
if (!pin) console.warn('[bench] taskset or a second core is missing: servers and load share the CPU');

function fail(message) {
  throw new Error(message);
}

// ---- processes we started, and stopping them whatever happens ----
const cleanups = new Set();
async function cleanUp() {
  for (const cleanup of [...cleanups].reverse()) await cleanup().catch(() => {});
  cleanups.clear();
}
let aborting = false;
function abort(code, why) {
  if (aborting) return;
  aborting = true;
  console.error(`[bench] ${why}; cleaning up`);
  cleanUp().finally(() => process.exit(code));
}
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => abort(130, signal));

// ---- before measuring: a built server, enough file descriptors, and which targets can run ----
function buildHearthIfNeeded() {
  const entry = join(root, 'dist/node/server/main.js');
  if (existsSync(entry) && !flags.build) return;
  console.log('[bench] building Hearth (npm run build)');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (!existsSync(entry)) throw new Error(`npm run build did not produce ${entry} (exit ${build.status})`);
  if (build.status !== 0) console.warn(`[bench] npm run build exited ${build.status}; measuring the server it emitted`);
}

/** 10,000 sockets need as many descriptors in the server and in the load generator: raise ours, children inherit it. */
function raiseFileLimit(wanted = 65_535) {
  const current = () => Number(/Max open files\s+(\d+)/.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1] ?? 0);
  if (current() >= wanted) return current();
  spawnSync('prlimit', ['--pid', String(process.pid), `--nofile=${wanted}:${wanted}`]);
  if (current() < wanted) spawnSync('prlimit', ['--pid', String(process.pid), `--nofile=${wanted}`]);
  return current();
}

function hearthVersion() {
  const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';
  const commit = git('rev-parse', '--short', 'HEAD') || 'unknown';
  return git('status', '--porcelain', '--', 'src') ? `${commit} with uncommitted changes in src/` : commit;
}

async function unavailableTargets() {
  const reasons = {};
  const needsPostgres = targets.some((t) => t.engine === 'postgres');
  const needsRedis = targets.some((t) => t.processes > 1);
  const postgres = needsPostgres ? await postgresUnavailable(flags['postgres-url']) : undefined;
  const redis = needsRedis ? ((await redisUnavailable(flags['redis-url'])) ?? twoProcessesUnsupported(root)) : undefined;
  for (const t of targets) {
    if (t.engine === 'postgres' && postgres) reasons[t.id] = postgres;
    else if (t.processes > 1 && redis) reasons[t.id] = redis;
  }
  return reasons;
}

const startedAt = new Date();
const fileLimit = raiseFileLimit();
if (fileLimit < flags['memory-clients'] + 1000)
  console.warn(`[bench] only ${fileLimit} file descriptors per process: the memory scenario may fail`);
try {
  if (targets.some((t) => t.kind === 'hearth')) buildHearthIfNeeded();
} catch (error) {
  console.error(`[bench] ${error.message}`);
  process.exit(1);
}
const unavailable = await unavailableTargets();
const results = {
  date: startedAt.toISOString().slice(0, 10),
  startedAt: startedAt.toISOString(),
  machine: {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cpuCount: cpus().length,
    totalMemoryBytes: totalmem(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    hearth: hearthVersion(),
    pinned: pin ? { server: flags['server-core'], load: flags['load-core'] } : false,
    fileDescriptorLimit: fileLimit,
    loadAverageAtStart: loadavg().map((n) => Number(n.toFixed(2))),
  },
  flags,
  scenarios: {},
};

// ---- measuring: nothing may outlive its budget ----
const ctx = { root, flags, pin, cleanups, profile };
const perTarget = (scenario, target) => scenario.budgetSeconds(flags) + startBudgetSeconds(target) + flags['wait-quiet'] + 2;
const plan = scenarios.flatMap((scenario) => targets.filter((t) => scenario.appliesTo(t) === true).map((t) => perTarget(scenario, t)));
const budgetS = plan.reduce((a, b) => a + b, 0) * (1 + flags['noise-retries']) * (flags['profile-misses'] ? 1.5 : 1) + 30;
const watchdog = setTimeout(() => abort(3, `over the time budget of ${Math.round(budgetS)} s`), budgetS * 1000);
watchdog.unref();

for (const scenario of scenarios) {
  const section = { settings: scenario.settings(flags), targets: {}, notApplicable: {} };
  results.scenarios[scenario.name] = section;
  for (const target of targets) {
    if (aborting) break;
    const applies = scenario.appliesTo(target);
    if (applies !== true) {
      section.notApplicable[target.id] = applies;
      continue;
    }
    if (unavailable[target.id]) {
      section.targets[target.id] = { skipped: unavailable[target.id] };
      continue;
    }
    console.log(`[bench] ${scenario.name}: measuring ${target.label}`);
    const t0 = performance.now();
    section.targets[target.id] = await measureQuietly(scenario, target);
    console.log(`[bench] ${scenario.name} on ${target.label} took ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
}
if (aborting) await new Promise(() => {}); // abort() exits once its clean-up is done

results.goals = judgeGoals(results);
if (flags['profile-misses'] && profile.size === 0) results.misses = await profileMisses(results.goals.goals.filter((g) => !g.pass));
results.finishedAt = new Date().toISOString();

const report = renderReport(results, scenarios);
const failed = Object.values(results.scenarios).some((s) => Object.values(s.targets).some((t) => t.error));
console.log(`\n${report}`);
if (profile.size) {
  // Profiled figures are skewed by the profiler: keep the profiles' summaries, not the figures.
  const dir = join(root, 'bench/results/profiles');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${results.date}-summary.json`), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`[bench] profiled run: wrote bench/results/profiles/${results.date}-summary.json only`);
} else if (flags.write) {
  const file = writeResults(join(root, 'bench/results'), results);
  // A failed run would replace good figures with gaps.
  if (!failed) updateDoc(join(root, 'docs/performance.md'), report);
  console.log(`[bench] wrote ${file}${failed ? ' (docs/performance.md left as it was)' : ' and docs/performance.md'}`);
}
await cleanUp();
clearTimeout(watchdog);
process.exit(failed ? 1 : 0);

/** How much other programs used the pinned cores during a result's measured phases (the worst step). */
function noiseOf(result) {
  if (!result || result.error || result.skipped) return 0;
  return result.steps ? Math.max(0, ...result.steps.map(noisePct)) : noisePct(result);
}

/**
 * On a shared machine someone's build can land in the middle of a measurement. A noisy one is
 * measured again (after a longer wait for quiet cores), and the quieter attempt is kept. Memory is
 * not a matter of timing and is measured once.
 */
async function measureQuietly(scenario, target) {
  let result = await scenario.measure(target, ctx);
  const attempts = [Number(noiseOf(result).toFixed(1))];
  for (let retry = 0; retry < flags['noise-retries'] && scenario.name !== 'memory' && !aborting; retry++) {
    if (noiseOf(result) <= NOISY_PCT) break;
    console.log(`[bench] ${scenario.name} on ${target.label} was noisy (${attempts.at(-1)} % of a core): measuring again`);
    const again = await scenario.measure(target, { ...ctx, waitQuietS: Math.max(60, flags['wait-quiet']) });
    attempts.push(Number(noiseOf(again).toFixed(1)));
    if (!again.error && (result.error || noiseOf(again) < noiseOf(result))) result = again;
  }
  if (attempts.length > 1) result.noiseOfAttempts = attempts;
  return result;
}

/** Reruns each missed goal's scenario on its target with the server profiled; memory keeps its heap profile. */
async function profileMisses(misses) {
  const byRun = new Map();
  for (const miss of misses) {
    const key = `${miss.scenario}/${miss.target}`;
    if (!byRun.has(key)) byRun.set(key, []);
    byRun.get(key).push(miss);
  }
  const out = [];
  for (const [key, group] of byRun) {
    if (aborting) break;
    const [name, id] = key.split('/');
    const scenario = SCENARIOS.find((s) => s.name === name);
    let findings;
    if (name === 'memory') findings = { heap: heapFindings(results.scenarios.memory.targets[id]) };
    else {
      console.log(`[bench] profiling the miss: ${name} on ${TARGETS[id].label}`);
      const rerun = await scenario.measure(TARGETS[id], { ...ctx, profile: new Set([name]), quick: true });
      findings = rerun.error ? { error: rerun.error } : { profiles: rerun.profiles ?? [] };
    }
    for (const miss of group) out.push({ ...miss, ...findings });
  }
  return out;
}
