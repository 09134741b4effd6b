// Memory: `memory-clients` clients connected and joined (rooms of `memory-per-room`), and what
// each adds to the server's resident memory: (RSS once they have all arrived and the server has
// settled − RSS before the first) / clients. The servers preload the bench's memory hook, which
// also reports the live heap after a full GC and samples which allocations stay alive.
import { summariseHeapProfile } from '../lib/profile.mjs';
import { measureTarget, runLoad, targetArgs } from '../lib/measure.mjs';
import { waitForFile } from '../lib/hook-files.mjs';
import { mib } from '../lib/proc.mjs';
import { kib } from './format.mjs';

export const name = 'memory';
export const title = 'Memory per connected client';

export const appliesTo = () => true;

export const settings = (flags) => ({
  clients: flags['memory-clients'],
  perRoom: flags['memory-per-room'],
  concurrency: flags['memory-concurrency'],
  settleSeconds: 3,
});

export const budgetSeconds = (flags) => 150 + Math.ceil(flags['memory-clients'] / 100);

export function measure(target, ctx) {
  const s = settings(ctx.flags);
  return measureTarget(name, target, ctx, {
    hook: 'memory',
    work: async (started) => {
      const result = await runLoad(
        ctx,
        'clients.mjs',
        {
          ...targetArgs(started, ctx),
          clients: s.clients,
          'per-room': s.perRoom,
          concurrency: s.concurrency,
          settle: s.settleSeconds,
          'memory-hook': true,
          'hook-outs': started.hookOuts.join(','),
          'db-name': started.dbName ?? '',
        },
        budgetSeconds(ctx.flags),
      );
      result.heapProfiles = [];
      for (const out of started.hookOuts) {
        const file = `${out}.heapprofile`;
        if (await waitForFile(file, 15_000)) {
          result.heapProfiles.push({ file: file.slice(ctx.root.length + 1), top: summariseHeapProfile(file, 10) });
        }
      }
      return result;
    },
  });
}

export function render(section, labels) {
  const s = section.settings;
  const lines = [
    `${s.clients} clients, each with its own session (Hearth), socket and joined room (rooms of ${s.perRoom}), arriving ` +
      `${s.concurrency} at a time. RSS / client = (RSS after the last arrival − RSS before the first) / clients, summed over the ` +
      "processes, with a full GC forced by the bench's memory hook before the first arrival and after the last: the figure the " +
      `goal is judged on. "Before GC" is the same ${s.settleSeconds} s after the last arrival, before that second GC (it includes ` +
      'garbage not yet collected); "heap" and "external" are V8\'s live heap and off-heap buffers per client after it. ' +
      "SQLite's page cache lives in the server process and counts; PostgreSQL's does not.",
    '',
    '| target | clients | failed | RSS before | RSS after | RSS / client | before GC | heap / client | external / client |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [id, t] of Object.entries(section.targets)) {
    if (t.error || t.skipped) continue;
    const m = t.memory;
    lines.push(
      `| ${labels[id]} | ${t.arrived} | ${t.failed} | ${mib(m.rssBeforeBytes)} MiB | ${mib(m.rssAfterGcBytes ?? m.rssSettledBytes)} MiB | ` +
        `**${kib(m.rssPerClientAfterGcBytes ?? m.rssPerClientBytes)}** | ${kib(m.rssPerClientBytes)} | ${kib(m.heapUsedPerClientBytes)} | ` +
        `${kib(m.externalPerClientBytes)} |`,
    );
  }
  lines.push('');
  return lines;
}

/** The largest live-allocation sites of one target's heap profile, for the misses section. */
export function heapFindings(result) {
  return (result.heapProfiles ?? []).map(({ file, top }) => ({
    file,
    liveKiB: top.liveKiB,
    rows: top.self.slice(0, 8).map((row) => `${row.pct} % ${row.name}`),
    areas: top.areas.slice(0, 6).map((row) => `${row.pct} % ${row.name}`),
  }));
}
