// Arrival: `connect-clients` clients each get a session (Hearth: POST /api/auth/guest), open a
// socket and `room:join` a room of `connect-per-room`, `connect-concurrency` at a time, on a fresh
// server. The figure is the wall time from the first request to the last join, with no failure.
import { measureTarget, runLoad, targetArgs } from '../lib/measure.mjs';
import { cell, isNoisy, ms, noiseNote } from './format.mjs';

export const name = 'connect';
export const title = 'Arrival: session, connect and join';

export const appliesTo = () => true;

export const settings = (flags) => ({
  clients: flags['connect-clients'],
  perRoom: flags['connect-per-room'],
  concurrency: flags['connect-concurrency'],
});

export const budgetSeconds = (flags) => 150 + Math.ceil(flags['connect-clients'] / 100);

export function measure(target, ctx) {
  const s = settings(ctx.flags);
  return measureTarget(name, target, ctx, {
    work: (started, { profiling }) =>
      runLoad(
        ctx,
        'clients.mjs',
        {
          ...targetArgs(started, ctx),
          clients: ctx.quick ? Math.min(2000, s.clients) : s.clients, // a profiled rerun needs fewer
          'per-room': s.perRoom,
          concurrency: s.concurrency,
          settle: 1,
          profile: profiling,
          'db-name': started.dbName ?? '',
        },
        budgetSeconds(ctx.flags),
      ),
  });
}

export function render(section, labels) {
  const s = section.settings;
  const lines = [
    `${s.clients} clients arriving at most ${s.concurrency} at a time into rooms of ${s.perRoom} made beforehand. A Hearth arrival ` +
      'is `POST /api/auth/guest` → websocket with `auth: { token }` → `room:join` acknowledged; a bare Socket.IO one is the socket ' +
      'and its join. Latencies are per arrival (p50 / p99); "DB" is PostgreSQL backend CPU per arrival.',
    '',
    '| target | time | clients/s | failed | arrival p50 / p99 | session p99 | connect p99 | join p99 | server CPU | µs CPU / client | DB µs | load CPU |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const notes = [];
  for (const [id, t] of Object.entries(section.targets)) {
    if (t.error || t.skipped) continue;
    const l = t.latency;
    const each = t.serverCpuPctEach?.length > 1 ? ` (${t.serverCpuPctEach.join(' + ')})` : '';
    lines.push(
      `| ${labels[id]} | **${t.seconds} s** | ${t.clientsPerS} | ${t.failed} | ${ms(l.total.p50ms)} / ${ms(l.total.p99ms)} | ` +
        `${id === 'reference' ? '—' : ms(l.session.p99ms)} | ${ms(l.connect.p99ms)} | ${ms(l.join.p99ms)} | ${t.serverCpuPct} %${each} | ` +
        `${t.serverCpuUsPerClient} | ${cell(t.postgresCpuUsPerClient)} | ${t.clientCpuPct} % |`,
    );
    if (Object.keys(t.errors ?? {}).length) notes.push(`> ${labels[id]} failures: ${JSON.stringify(t.errors)}`);
    if (isNoisy(t)) notes.push(noiseNote(labels[id], t));
  }
  lines.push('', ...notes.flatMap((note) => [note, '']));
  return lines;
}
