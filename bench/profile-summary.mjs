// Summarises a V8 profile: a .cpuprofile (from `npm run bench -- --profile …`, or `node --cpu-prof`)
// as the functions with the most self time, the same grouped by package or source area, and the
// functions with the most inclusive time, as shares of the busy samples; or a sampling
// .heapprofile (the memory scenario writes one per target) as the allocation sites of live memory.
//
//   node bench/profile-summary.mjs FILE.cpuprofile|FILE.heapprofile [--top 25]
import { readFlags } from './lib/flags.mjs';
import { summariseHeapProfile, summariseProfile } from './lib/profile.mjs';

const [file, ...rest] = process.argv.slice(2);
if (!file || file.startsWith('--')) throw new Error('usage: node bench/profile-summary.mjs FILE.cpuprofile|FILE.heapprofile [--top 25]');
const { top } = readFlags(rest, { top: 25 });

if (file.endsWith('.heapprofile')) {
  const summary = summariseHeapProfile(file, top);
  console.log(`${file}: ${summary.liveKiB} KiB of sampled live memory\n`);
  print('live memory by allocating function', summary.self, (row) => `${String(row.kib).padStart(8)} KiB`);
  print('live memory by area', summary.areas, (row) => `${String(row.kib).padStart(8)} KiB`);
} else {
  const summary = summariseProfile(file, top);
  console.log(
    `${file}: ${summary.samples} samples over ${(summary.totalMs / 1000).toFixed(2)} s, ` +
      `${(summary.busyMs / 1000).toFixed(2)} s busy on the main thread; shares below are of busy time\n`,
  );
  const ms = (row) => `${String(row.ms).padStart(7)} ms`;
  print('self time by function', summary.self, ms);
  print('self time by area', summary.areas, ms);
  print('inclusive time by function', summary.inclusive, ms);
}

function print(title, rows, amount) {
  console.log(`## ${title}`);
  for (const row of rows) console.log(`${row.pct.toFixed(1).padStart(6)} %  ${amount(row)}  ${row.name}`);
  console.log('');
}
