// Preloaded into a measured server (`node --import`) when the bench looks inside it; the bench
// sends SIGUSR2 around the phase it measures, so start-up and enrolment stay out of the picture.
//   BENCH_HOOK=profile: the first SIGUSR2 starts V8's CPU profiler; the second stops it and writes
//     the .cpuprofile to $BENCH_HOOK_OUT (summarise it with `node bench/profile-summary.mjs FILE`).
//   BENCH_HOOK=memory: each SIGUSR2 collects garbage and writes the heap's figures to
//     $BENCH_HOOK_OUT-<n>.json; the first also starts V8's sampling heap profiler and the second
//     writes what it saw still alive to $BENCH_HOOK_OUT.heapprofile (allocation stacks of live memory).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { getHeapSpaceStatistics } from 'node:v8';

const mode = process.env.BENCH_HOOK;
const out = process.env.BENCH_HOOK_OUT ?? `bench-${process.pid}`;
const session = new Session();
session.connect();
const post = (method, params = {}) =>
  new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
const report = (error) => process.stderr.write(`[bench hook] ${error.message}\n`);

let signals = 0;
process.on('SIGUSR2', () => {
  const n = ++signals;
  if (mode === 'profile') {
    if (n === 1) post('Profiler.enable').then(() => post('Profiler.start'), report);
    else if (n === 2) post('Profiler.stop').then(({ profile }) => writeFileSync(out, JSON.stringify(profile)), report);
  } else if (mode === 'memory') {
    memory(n).catch(report);
  }
});

async function memory(n) {
  await post('HeapProfiler.enable');
  // Twice: the first pass can leave objects that only a second one finds unreachable.
  await post('HeapProfiler.collectGarbage');
  await post('HeapProfiler.collectGarbage');
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.space_used_size]));
  writeFileSync(`${out}-${n}.json`, JSON.stringify({ ...process.memoryUsage(), spaces }));
  if (n === 1) await post('HeapProfiler.startSampling', { samplingInterval: 16384 });
  if (n === 2) {
    const { profile } = await post('HeapProfiler.stopSampling');
    writeFileSync(`${out}.heapprofile`, JSON.stringify(profile));
  }
}
