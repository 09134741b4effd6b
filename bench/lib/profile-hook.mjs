// Preloaded into the server (`node --import`) by `npm run bench -- --profile RATE`. The first
// SIGUSR2 starts V8's CPU profiler and the second stops it and writes $BENCH_PROFILE_PATH, so the
// profile covers one measured step, not start-up or enrolment. Summarise it with
// `node bench/profile-summary.mjs FILE`.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const session = new Session();
session.connect();
let profiling = false;

process.on('SIGUSR2', () => {
  if (!profiling) {
    profiling = true;
    session.post('Profiler.enable', () => session.post('Profiler.start'));
    return;
  }
  profiling = false;
  session.post('Profiler.stop', (error, result) => {
    if (error) process.stderr.write(`[profile] ${error.message}\n`);
    else writeFileSync(process.env.BENCH_PROFILE_PATH ?? 'bench.cpuprofile', JSON.stringify(result.profile));
  });
});
