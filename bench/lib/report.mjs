// Turns a run into Markdown (printed, and kept between markers in docs/performance.md) and keeps
// the raw figures in bench/results/<date>.json.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TARGETS } from './targets.mjs';

const START = '<!-- bench:results:start (written by `npm run bench`; edits here are overwritten) -->';
const END = '<!-- bench:results:end -->';
export const LABELS = Object.fromEntries(Object.values(TARGETS).map((t) => [t.id, t.label]));

export function writeResults(dir, results, suffix = '') {
  const file = join(dir, `${results.date}${suffix}.json`);
  const partial = join(dir, `${results.date}${suffix}.tmp.json`);
  writeFileSync(partial, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(partial, file);
  return file;
}

export function renderReport(results, scenarios) {
  const { machine: m } = results;
  const lines = [
    `Run of ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC on ${m.cpuModel} × ${m.cpuCount}, ` +
      `${(m.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB, Node ${m.node}, Hearth ${m.hearth}; ` +
      (m.pinned
        ? `every server process on core ${m.pinned.server} (two processes share it), every load generator on core ${m.pinned.load}.`
        : 'unpinned (fewer than 2 cores or no taskset).') +
      ` Raw figures: \`bench/results/${results.date}.json\`.` +
      (results.flags?.['sqlite-dir']
        ? ` **SQLite databases on ${results.flags['sqlite-dir']}** (a diagnostic: fsync costs what that device makes it cost).`
        : ''),
    '',
  ];
  for (const scenario of scenarios) {
    const section = results.scenarios[scenario.name];
    if (!section) continue;
    lines.push(`### ${scenario.title}`, '', ...scenario.render(section, LABELS));
    const absent = Object.entries(section.targets).filter(([, t]) => t.error || t.skipped);
    for (const [id, t] of absent) lines.push(`- **${LABELS[id]}:** not measured — ${t.error ?? t.skipped}`);
    for (const [id, why] of Object.entries(section.notApplicable ?? {})) lines.push(`- ${LABELS[id]}: not applicable — ${why}.`);
    if (absent.length || Object.keys(section.notApplicable ?? {}).length) lines.push('');
  }
  lines.push(...renderGoals(results.goals), ...renderMisses(results));
  return lines.join('\n').trimEnd();
}

function renderGoals({ goals, skipped }) {
  const lines = ['### Goals', ''];
  if (!goals.length) lines.push('No goal could be judged on this run.', '');
  else {
    const passed = goals.filter((g) => g.pass).length;
    lines.push(
      `${passed} of ${goals.length} checks pass.`,
      '',
      '| goal | target | measured | limit | verdict | margin |',
      '| --- | --- | ---: | ---: | --- | --- |',
      ...goals.map(
        (g) =>
          `| ${g.goal} | ${LABELS[g.target]} | ${g.value}${g.note ? ` (${g.note})` : ''} | ${g.limit} | ${g.pass ? 'pass' : '**MISS**'}` +
          `${g.noisy ? ' (noisy)' : ''} | ${g.margin} |`,
      ),
      '',
    );
  }
  for (const line of skipped) lines.push(`- Not judged: ${line}.`);
  if (skipped.length) lines.push('');
  return lines;
}

/** What bounds each miss: the CPU profile of a rerun (or the heap profile, for memory). */
function renderMisses(results) {
  const misses = results.misses ?? [];
  if (!misses.length) return [];
  const lines = [
    '### What bounds the misses',
    '',
    "Each missed goal's scenario was measured again on that target with the server under V8's profiler (CPU profile of the " +
      'measured phase only; for memory, the sampling heap profile of what was still alive after the arrivals). ' +
      "Shares are of the main thread's busy time (or of live sampled memory). Profiled figures are skewed by the profiler " +
      'and are not used above. A native function is named with the nearest Hearth (or JavaScript) frame that called it; ' +
      'profiles sample wall time, so a native call blocked in a system call (`run` committing with fsync) counts although it ' +
      'burns no CPU. Summarise a profile with `node bench/profile-summary.mjs FILE`.',
    '',
  ];
  // Misses measured by the same rerun (one scenario on one target) share its profile.
  const runs = new Map();
  for (const miss of misses) {
    const key = `${miss.scenario}/${miss.target}`;
    if (!runs.has(key)) runs.set(key, []);
    runs.get(key).push(miss);
  }
  for (const group of runs.values()) {
    const [first] = group;
    lines.push(`**${LABELS[first.target]}: ${group.map((m) => `${m.goal} (${m.value}; ${m.margin})`).join('; ')}**`, '');
    if (first.error) lines.push(`- profile not taken: ${first.error}`);
    for (const p of first.profiles ?? []) {
      lines.push(
        `- \`${p.file}\`: ${(p.top.busyMs / 1000).toFixed(2)} s busy of ${(p.top.totalMs / 1000).toFixed(2)} s. Self time by area: ` +
          p.top.areas
            .slice(0, 6)
            .map((r) => `${r.name} ${r.pct} %`)
            .join(', ') +
          '.',
        `  Top functions by self time: ${p.top.self
          .slice(0, 8)
          .map((r) => `\`${r.name}\` ${r.pct} %`)
          .join(', ')}.`,
      );
    }
    for (const h of first.heap ?? []) {
      lines.push(
        `- \`${h.file}\`: ${h.liveKiB} KiB live (sampled). By area: ${h.areas.join(', ')}.`,
        `  Largest allocation sites: ${h.rows.map((r) => `\`${r}\``).join(', ')}.`,
      );
    }
    lines.push('');
  }
  return lines;
}

/** Replaces the marked section of the doc (creating the doc from `intro` when missing). */
export function updateDoc(path, section, intro = defaultIntro) {
  const doc = existsSync(path) ? readFileSync(path, 'utf8') : intro;
  const block = `${START}\n${section}\n${END}`;
  const start = doc.indexOf(START.slice(0, 24));
  const end = doc.indexOf(END);
  const next = start >= 0 && end > start ? doc.slice(0, start) + block + doc.slice(end + END.length) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, next);
}

const defaultIntro = '# Performance\n\n## Latest results\n';
