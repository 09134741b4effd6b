// Durable ingest: many senders in small rooms, each keeping a bounded window of sends awaiting
// their acknowledgement (Hearth acknowledges once the message is durably stored). The figure is
// acknowledged messages per second, with the acknowledgement latency that throughput costs.
import { measureTarget, runLoad, targetArgs } from '../lib/measure.mjs';
import { cell, isNoisy, ms, noiseNote } from './format.mjs';

export const name = 'ingest';
export const title = 'Durable ingest';

export const appliesTo = () => true;

export const settings = (flags) => ({
  rooms: flags['ingest-rooms'],
  perRoom: flags['ingest-per-room'],
  window: flags['ingest-window'],
  seconds: flags['ingest-seconds'],
  warmupSeconds: flags.warmup,
  textBytes: flags['text-bytes'],
});

export const budgetSeconds = (flags) => 120 + flags.warmup + flags['ingest-seconds'] + flags.drain;

export function measure(target, ctx) {
  const s = settings(ctx.flags);
  return measureTarget(name, target, ctx, {
    work: (started, { profiling }) =>
      runLoad(
        ctx,
        'ingest.mjs',
        {
          ...targetArgs(started, ctx),
          rooms: s.rooms,
          'per-room': s.perRoom,
          window: s.window,
          warmup: s.warmupSeconds,
          seconds: ctx.quick ? Math.min(5, s.seconds) : s.seconds,
          drain: ctx.flags.drain,
          'text-bytes': s.textBytes,
          profile: profiling,
          'db-name': started.dbName ?? '',
          redis: Boolean(started.redisPrefix),
        },
        budgetSeconds(ctx.flags),
      ),
  });
}

export function render(section, labels) {
  const s = section.settings;
  const lines = [
    `${s.rooms} rooms × ${s.perRoom} members, every member a sender keeping ${s.window} sends awaiting their acknowledgement ` +
      `(${s.rooms * s.perRoom * s.window} in flight), measured for ${s.seconds} s after a ${s.warmupSeconds} s warm-up. ` +
      'Every message is also delivered to both members; "lost" counts deliveries still missing after the drain. ' +
      'CPU figures are per acknowledged message.',
    '',
    '| target | acked msgs/s | ack p50 | ack p99 | ack max | errors | lost | delivery p99 | server CPU | µs CPU / msg | DB µs | Redis µs | load CPU |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const notes = [];
  for (const [id, t] of Object.entries(section.targets)) {
    if (t.error || t.skipped) continue;
    const errors = Object.values(t.ackErrors).reduce((a, b) => a + b, 0) + t.acksMissingAfterDrain;
    const each = t.serverCpuPctEach?.length > 1 ? ` (${t.serverCpuPctEach.join(' + ')})` : '';
    lines.push(
      `| ${labels[id]} | **${t.ackedPerS}** | ${ms(t.ackP50ms)} | ${ms(t.ackP99ms)} | ${ms(t.ackMaxms)} | ${errors} | ${t.lostDeliveries} | ` +
        `${ms(t.deliveryP99ms)} | ${t.serverCpuPct} %${each} | ${t.serverCpuUsPerMessage} | ${cell(t.postgresCpuUsPerMessage)} | ` +
        `${cell(t.redisCpuUsPerMessage)} | ${t.clientCpuPct} % |`,
    );
    if (errors) notes.push(`> ${labels[id]} ack errors: ${JSON.stringify(t.ackErrors)}, ${t.acksMissingAfterDrain} never acknowledged`);
    if (isNoisy(t)) notes.push(noiseNote(labels[id], t));
  }
  lines.push('', ...notes.flatMap((note) => [note, '']));
  return lines;
}
