// Password-hashing flood: other users' message acknowledgements while sign-in requests (each a
// deliberately slow argon2id hash) keep arriving. Hearth bounds hashing's concurrency and queue
// (HEARTH_HASH_CONCURRENCY, HEARTH_HASH_QUEUE); beyond the queue a sign-in is refused at once.
import { measureTarget, runLoad, targetArgs } from '../lib/measure.mjs';
import { ms } from './format.mjs';

export const name = 'hashflood';
export const title = 'Sign-in flood against chat latency';

export const appliesTo = (target) =>
  target.kind === 'hearth' && target.processes === 1 ? true : 'the hashing bound is per process; measured on one';

export const settings = (flags) => ({
  rooms: flags['hashflood-rooms'],
  perRoom: flags['hashflood-per-room'],
  rate: flags['hashflood-rate'],
  flood: flags['hashflood-requests'],
  seconds: flags['hashflood-seconds'],
  hashQueue: flags['hashflood-queue'] || 'default (64)',
  path: flags['hashflood-path'],
  arrival: flags['hashflood-arrival'],
});

export const budgetSeconds = (flags) => 90 + 2 * flags['hashflood-seconds'];

export function measure(target, ctx) {
  const s = settings(ctx.flags);
  return measureTarget(name, target, ctx, {
    // Hearth's own defaults unless a run asks for others (to see what the bounds buy).
    env: {
      ...(ctx.flags['hashflood-queue'] ? { HEARTH_HASH_QUEUE: String(ctx.flags['hashflood-queue']) } : {}),
      ...(ctx.flags['hashflood-concurrency'] ? { HEARTH_HASH_CONCURRENCY: String(ctx.flags['hashflood-concurrency']) } : {}),
    },
    work: (started) =>
      runLoad(
        ctx,
        'hash-flood.mjs',
        {
          ...targetArgs(started, ctx),
          rooms: s.rooms,
          'per-room': s.perRoom,
          rate: s.rate,
          flood: s.flood,
          seconds: s.seconds,
          warmup: 3,
          path: s.path,
          arrival: s.arrival,
        },
        budgetSeconds(ctx.flags),
      ),
  });
}

const arrivalText = (arrival = 'burst') =>
  arrival === 'burst' ? "all of each second's in the same millisecond" : 'spread over each second in 10 ms slices';

export function render(section, labels) {
  const s = section.settings;
  const lines = [
    `${s.rooms} rooms × ${s.perRoom} members send ${s.rate} messages a second in total. For ${s.seconds} s nothing else happens ` +
      `("quiet"); then for ${s.seconds} s ${s.flood} sign-ins with wrong passwords arrive every second ("flood", sent ` +
      `by a niced process of their own, each on a connection of its own, ${arrivalText(s.arrival)}), with rate limits off so ` +
      'that every one reaches the hasher. The server process and its ' +
      `hashing thread share one core (the thread niced). Requests go to ${s.path}; hashing queue ${s.hashQueue}. ` +
      'The goal: acknowledgement p99 under 100 ms during the flood.',
    '',
    '| target | ack p50 quiet | ack p99 quiet | ack p50 flood | **ack p99 flood** | ack max flood | ack errors | sign-ins / s | answers | server CPU flood |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
  ];
  for (const [id, t] of Object.entries(section.targets)) {
    if (t.error || t.skipped) continue;
    const answers = Object.entries(t.signIns.statuses)
      .map(([status, n]) => `${n}× ${status}`)
      .join(', ');
    lines.push(
      `| ${labels[id]} | ${ms(t.quiet.p50ms)} | ${ms(t.quiet.p99ms)} | ${ms(t.flooded.p50ms)} | **${ms(t.flooded.p99ms)}** | ` +
        `${ms(t.flooded.maxms)} | ${t.quiet.errors + t.flooded.errors} | ${t.signIns.perS} | ${answers} | ${t.flooded.serverCpuPct} % |`,
    );
  }
  lines.push('');
  return lines;
}
