// Turns a run into Markdown (printed, and kept between markers in docs/performance.md) and keeps
// the raw figures in bench/results/<date>.json.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mib } from './proc.mjs';
import { isNoisy } from './verdict.mjs';

const START = '<!-- bench:results:start (written by `npm run bench`; edits here are overwritten) -->';
const END = '<!-- bench:results:end -->';
const NAMES = { reference: 'bare Socket.IO', hearth: 'Hearth' };

export function writeResults(dir, results) {
  const file = join(dir, `${results.date}.json`);
  const partial = join(dir, `${results.date}.tmp.json`);
  writeFileSync(partial, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(partial, file);
  return file;
}

export function renderReport(results) {
  const { machine: m, scenario: s, verdict } = results;
  const measured = Object.values(results.targets);
  const lines = [
    `Run of ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC on ${m.cpuModel} × ${m.cpuCount}, ` +
      `${(m.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB, Node ${m.node}; ` +
      (m.pinned
        ? `servers on core ${m.pinned.server}, load generator on core ${m.pinned.load}.`
        : 'unpinned (fewer than 2 cores).'),
    `Scenario: ${s.rooms} rooms × ${s.perRoom} members (${s.rooms * s.perRoom} sockets), every message delivered to ` +
      `all ${s.perRoom} members of its room; each step offers its rate for ${s.secondsPerStep} s. ` +
      `Raw figures: \`bench/results/${results.date}.json\`.`,
    '',
  ];
  for (const t of measured.filter((t) => t.error)) lines.push(`**${NAMES[t.target]} not measured:** ${t.error}`, '');
  for (const offered of s.steps) {
    const ratio = verdict.ratios.find((r) => r.offered === offered)?.cpuPerDeliveryRatio;
    lines.push(
      `#### ${offered} messages/s offered`,
      '',
      '| target | deliveries/s | loss | p50 | p99 | max | ack p99 | server CPU | µs CPU / delivery | vs bare |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const t of measured) {
      const step = t.steps?.find((x) => x.offered === offered);
      if (!step) continue;
      const vs = t.target === 'reference' ? '1×' : ratio === undefined ? '—' : `**${ratio}×**`;
      lines.push(
        `| ${NAMES[t.target]} | ${step.deliveriesPerS} | ${loss(step)} | ${ms(step.p50ms)} | ${ms(step.p99ms)} | ${ms(step.maxms)} | ` +
          `${t.target === 'hearth' ? ms(step.ackP99ms) + ackTrouble(step) : '—'} | ${step.serverCpuPct} % | ${step.serverCpuUsPerDelivery} | ${vs} |`,
      );
    }
    lines.push('', ...noiseNotes(measured, offered));
  }
  lines.push(
    '| target | connect (all sockets) | RSS idle | RSS connected | RSS / connection | RSS at end |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const t of measured.filter((t) => !t.error)) {
    lines.push(
      `| ${NAMES[t.target]} | ${t.connectSeconds} s | ${mib(t.serverRssIdleBytes)} MiB | ${mib(t.serverRssConnectedBytes)} MiB | ` +
        `${(t.rssPerConnectionBytes / 1024).toFixed(1)} KiB | ${mib(t.serverRssEndBytes)} MiB |`,
    );
  }
  lines.push('', ...renderVerdict(verdict));
  return lines.join('\n');
}

function noiseNotes(measured, offered) {
  return measured.flatMap((t) => {
    const step = t.steps?.find((x) => x.offered === offered);
    if (!step || !isNoisy(step)) return [];
    return [
      `> Noisy: other programs used ${step.othersOnServerCorePct} % of the server's core and ` +
        `${step.othersOnLoadCorePct} % of the load generator's during the ${NAMES[t.target]} step; ` +
        'its latency and loss figures are not trustworthy.',
      '',
    ];
  });
}

function renderVerdict(verdict) {
  if (!verdict.evaluated) return [`**Bar (${verdict.bar}): not evaluated** — ${verdict.reason}.`];
  return [
    `**Bar (${verdict.bar}, durable acks on SQLite): ${verdict.pass ? 'PASS' : 'FAIL'}**`,
    '',
    ...verdict.checks.map((c) => `- ${c.pass ? 'pass' : 'FAIL'}: ${c.check} — ${c.value}`),
    ...(verdict.caveat ? ['', `Caveat: ${verdict.caveat}`] : []),
  ];
}

const ms = (v) => (v === null || v === undefined ? '—' : `${v} ms`);
const loss = (step) => (step.lost === 0 ? '0' : `${step.lossPct} % (${step.lost})`);
const ackTrouble = (step) =>
  step.ackErrors || step.acksMissing ? ` (${step.ackErrors} errors, ${step.acksMissing} missing)` : '';

/** Replaces the marked section of the doc (creating the doc from `intro` when missing). */
export function updateDoc(path, section, intro = defaultIntro) {
  const doc = existsSync(path) ? readFileSync(path, 'utf8') : intro;
  const block = `${START}\n${section}\n${END}`;
  const start = doc.indexOf(START.slice(0, 24));
  const end = doc.indexOf(END);
  const next =
    start >= 0 && end > start
      ? doc.slice(0, start) + block + doc.slice(end + END.length)
      : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, next);
}

const defaultIntro = '# Performance\n\n## Latest results\n';
