// `npm run bench`: measures the bare Socket.IO reference and then Hearth, in one run, on the same
// scenario, each server pinned to one core and the load generator (bench/load.mjs) to another.
// Writes bench/results/<date>.json and the results section of docs/performance.md.
//
//   npm run bench -- [--target both|hearth|reference] [--rooms 10] [--per-room 50]
//                    [--steps 100,400] [--seconds 10] [--build] [--no-write] [--profile 400]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFlags } from './lib/flags.mjs';
import { canPin } from './lib/processes.mjs';
import { renderReport, updateDoc, writeResults } from './lib/report.mjs';
import { measureTarget, targetBudgetSeconds } from './lib/target.mjs';
import { judge } from './lib/verdict.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const flags = readFlags(
  process.argv.slice(2),
  {
    target: 'both',
    rooms: 10,
    'per-room': 50,
    steps: [100, 400],
    seconds: 10,
    drain: 5,
    warmup: 3,
    tick: 5,
    'text-bytes': 64,
    build: false,
    write: true,
    profile: 0,
    'wait-quiet': 60,
    'server-core': 0,
    'load-core': 1,
  },
  'npm run bench -- [flags]   (see docs/performance.md)',
);

const targets = { both: ['reference', 'hearth'], hearth: ['hearth'], reference: ['reference'] }[flags.target];
if (!targets) throw new Error('--target must be both, hearth or reference');
const pin = canPin() && cpus().length >= 2;
if (!pin) console.warn('[bench] taskset or a second core is missing: server and load share the CPU');
const cleanups = new Set();

async function cleanUp() {
  for (const cleanup of [...cleanups].reverse()) await cleanup().catch(() => {});
  cleanups.clear();
}
// Interrupted or over time: stop every child, remove temp dirs, and start nothing new meanwhile.
let aborting = false;
function abort(code, why) {
  if (aborting) return;
  aborting = true;
  console.error(`[bench] ${why}; cleaning up`);
  cleanUp().finally(() => process.exit(code));
}
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => abort(130, signal));

function buildHearthIfNeeded() {
  const entry = join(root, 'dist/node/server/main.js');
  if (existsSync(entry) && !flags.build) return;
  console.log('[bench] building Hearth (npm run build)');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (!existsSync(entry)) throw new Error(`npm run build did not produce ${entry} (exit ${build.status})`);
  if (build.status !== 0) console.warn(`[bench] npm run build exited ${build.status}; measuring the server it emitted`);
}

const startedAt = new Date();
const results = {
  date: startedAt.toISOString().slice(0, 10),
  startedAt: startedAt.toISOString(),
  machine: {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cpuCount: cpus().length,
    totalMemoryBytes: totalmem(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    pinned: pin ? { server: flags['server-core'], load: flags['load-core'] } : false,
    loadAverageAtStart: loadavg().map((n) => Number(n.toFixed(2))),
  },
  scenario: {
    rooms: flags.rooms,
    perRoom: flags['per-room'],
    steps: flags.steps,
    secondsPerStep: flags.seconds,
    drainSeconds: flags.drain,
    warmupSeconds: flags.warmup,
    textBytes: flags['text-bytes'],
    profiled: flags.profile || false,
  },
  targets: {},
};

// Nothing below may outlive its budget: builds are excluded, the rest is bounded by the steps.
const budgetMs = (targets.length * targetBudgetSeconds(flags) + 15) * 1000;
try {
  if (targets.includes('hearth')) buildHearthIfNeeded();
} catch (error) {
  console.error(`[bench] ${error.message}`);
  results.targets.hearth = { target: 'hearth', error: error.message };
}
const watchdog = setTimeout(() => abort(3, `over the time budget of ${budgetMs / 1000} s`), budgetMs);
watchdog.unref();

for (const name of targets) {
  if (aborting) break;
  if (results.targets[name]?.error) continue;
  console.log(`[bench] measuring ${name}`);
  results.targets[name] = await measureTarget(name, { root, flags, pin, cleanups });
}
if (aborting) await new Promise(() => {}); // abort() exits once its clean-up is done
results.finishedAt = new Date().toISOString();
results.verdict = judge(results);

const report = renderReport(results);
const failed = Object.values(results.targets).some((t) => t.error);
console.log(`\n${report}`);
// A profiled run is skewed by the profiler; a failed one would replace good figures with a gap.
if (flags.write && !flags.profile) {
  const file = writeResults(join(root, 'bench/results'), results);
  if (!failed) updateDoc(join(root, 'docs/performance.md'), report);
  console.log(`[bench] wrote ${file}${failed ? ' (docs/performance.md left as it was)' : ' and docs/performance.md'}`);
}
await cleanUp();
clearTimeout(watchdog);
process.exit(failed ? 1 : 0);
