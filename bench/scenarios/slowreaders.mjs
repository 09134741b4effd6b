// Slow readers: a room where some members' clients stop reading (a frozen tab, a script that never
// reads). The others' delivery must not suffer, and the server must not buffer for the stalled
// without end: past HEARTH_SLOW_READER_PACKETS / _BYTES a socket is closed.
import { measureTarget, runLoad, targetArgs } from '../lib/measure.mjs';
import { mib } from '../lib/proc.mjs';
import { ms } from './format.mjs';

export const name = 'slowreaders';
export const title = 'Members who stop reading';

export const appliesTo = (target) => (target.processes === 1 ? true : 'measured on one process');

export const settings = (flags) => ({
  rooms: 1,
  perRoom: flags['slow-members'],
  rate: flags['slow-rate'],
  textBytes: flags['slow-text-bytes'],
  stalledPct: flags['slow-stalled-pct'],
  seconds: flags['slow-seconds'],
  backlogPackets: flags['slow-backlog-packets'],
});

export const budgetSeconds = (flags) => 90 + 2 * flags['slow-seconds'];

export function measure(target, ctx) {
  const s = settings(ctx.flags);
  return measureTarget(name, target, ctx, {
    // A small bound, so that a run of seconds shows the closing (the default allows minutes of backlog).
    env: { HEARTH_SLOW_READER_PACKETS: String(s.backlogPackets) },
    work: (started) =>
      runLoad(
        ctx,
        'slow-readers.mjs',
        {
          ...targetArgs(started, ctx),
          rooms: s.rooms,
          'per-room': s.perRoom,
          rate: s.rate,
          'text-bytes': s.textBytes,
          'stalled-pct': s.stalledPct,
          seconds: s.seconds,
        },
        budgetSeconds(ctx.flags),
      ),
  });
}

export function render(section, labels) {
  const s = section.settings;
  const lines = [
    `One room of ${s.perRoom} members, ${s.rate} messages a second of ${s.textBytes} bytes. ${s.seconds} s with everyone reading, ` +
      `then ${s.seconds} s after ${s.stalledPct} % of the members stop reading their sockets (Hearth started with ` +
      `HEARTH_SLOW_READER_PACKETS=${s.backlogPackets}). Latency is the reading members'. The goals: their p99 with the stalled ` +
      'members ≤ 1.5× the p99 without, and resident memory bounded.',
    '',
    '| target | p99 reading | p99 with stalled | **ratio** | RSS peak reading | RSS peak with stalled | sockets left at the end |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [id, t] of Object.entries(section.targets)) {
    if (t.error || t.skipped) continue;
    lines.push(
      `| ${labels[id]} | ${ms(t.reading.p99ms)} | ${ms(t.withStalled.p99ms)} | **${t.p99Ratio}×** | ${mib(t.reading.rssPeakBytes)} MiB | ` +
        `${mib(t.withStalled.rssPeakBytes)} MiB | ${t.socketsOnServerAtEnd ?? '—'} of ${t.members} |`,
    );
  }
  lines.push('');
  return lines;
}
