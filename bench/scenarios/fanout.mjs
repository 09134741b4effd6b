// Fan-out: rooms × members sockets, messages offered at stepped rates, every message delivered to
// every member of its room. The figure to compare is server CPU per delivery, against the bare
// Socket.IO reference measured in the same run.
import { measureTarget, runLoad, targetArgs } from '../lib/measure.mjs';
import { mib } from '../lib/proc.mjs';
import { cell, isNoisy, ms, noiseNote, ratio } from './format.mjs';

export const name = 'fanout';
export const title = 'Fan-out';

export const appliesTo = () => true;

export function settings(flags) {
  return {
    rooms: flags.rooms,
    perRoom: flags['per-room'],
    steps: flags.steps,
    secondsPerStep: flags.seconds,
    drainSeconds: flags.drain,
    warmupSeconds: flags.warmup,
    textBytes: flags['text-bytes'],
  };
}

export const budgetSeconds = (flags) => 120 + flags.warmup + flags.drain + flags.steps.length * (flags.seconds + flags.drain + 6);

export function measure(target, ctx) {
  const { flags } = ctx;
  const top = flags['profile-step'] || Math.max(...flags.steps);
  // A rerun to profile a miss needs only the step it profiles.
  const steps = ctx.quick ? [top] : flags.steps;
  return measureTarget(name, target, ctx, {
    work: (started, { profiling }) =>
      runLoad(
        ctx,
        'fanout.mjs',
        {
          ...targetArgs(started, ctx),
          rooms: flags.rooms,
          'per-room': flags['per-room'],
          steps,
          seconds: flags.seconds,
          drain: flags.drain,
          warmup: flags.warmup,
          tick: flags.tick,
          'text-bytes': flags['text-bytes'],
          'profile-step': profiling ? top : 0,
          'db-name': started.dbName ?? '',
          redis: Boolean(started.redisPrefix),
          'changes-pct': target.kind === 'hearth' ? flags['fanout-changes-pct'] : 0,
          'reads-pct': target.kind === 'hearth' ? flags['fanout-reads-pct'] : 0,
        },
        budgetSeconds(flags),
      ),
  });
}

const stepOf = (result, offered) => result?.steps?.find((s) => s.offered === offered);

/** CPU per delivery of `id` over that of `baseId` at one offered rate, or undefined. */
export function cpuRatio(section, id, baseId, offered) {
  const step = stepOf(section.targets[id], offered);
  const base = stepOf(section.targets[baseId], offered);
  if (!step?.serverCpuUsPerDelivery || !base?.serverCpuUsPerDelivery) return undefined;
  return Number((step.serverCpuUsPerDelivery / base.serverCpuUsPerDelivery).toFixed(2));
}

export function render(section, labels) {
  const s = section.settings;
  const lines = [
    `${s.rooms} rooms × ${s.perRoom} members (${s.rooms * s.perRoom} sockets); each step offers its rate for ${s.secondsPerStep} s ` +
      `after a ${s.warmupSeconds} s warm-up; every message goes to all ${s.perRoom} members of its room. ` +
      '"vs bare" divides by the bare Socket.IO server\'s CPU per delivery; "vs 1 proc." divides two processes by one on the same engine. ' +
      '"DB" is the CPU of the PostgreSQL backends serving the run\'s database, "Redis" that of the (shared) Redis server, both per delivery.',
    '',
  ];
  const ids = Object.keys(section.targets);
  for (const offered of s.steps) {
    lines.push(
      `**${offered} messages/s offered** (${offered * s.perRoom} deliveries/s)`,
      '',
      '| target | deliveries/s | loss | p50 | p99 | max | ack p99 | server CPU | µs CPU / delivery | vs bare | vs 1 proc. | DB µs | Redis µs |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    const notes = [];
    for (const id of ids) {
      const result = section.targets[id];
      const step = stepOf(result, offered);
      if (!step) continue;
      const vsBare = id === 'reference' ? '1×' : ratio(cpuRatio(section, id, 'reference', offered));
      const single = id.endsWith('-x2') ? id.slice(0, -3) : null;
      const vsOne = single ? ratio(cpuRatio(section, id, single, offered)) : '';
      const each = step.serverCpuPctEach?.length > 1 ? ` (${step.serverCpuPctEach.join(' + ')})` : '';
      lines.push(
        `| ${labels[id]} | ${step.deliveriesPerS} | ${loss(step)} | ${ms(step.p50ms)} | ${ms(step.p99ms)} | ${ms(step.maxms)} | ` +
          `${id === 'reference' ? '—' : ms(step.ackP99ms) + ackTrouble(step)} | ${step.serverCpuPct} %${each} | ${step.serverCpuUsPerDelivery} | ` +
          `${vsBare} | ${vsOne} | ${cell(step.postgresCpuUsPerDelivery)} | ${cell(step.redisCpuUsPerDelivery)} |`,
      );
      if (isNoisy(step)) notes.push(noiseNote(labels[id], step));
    }
    lines.push('', ...notes.flatMap((note) => [note, '']));
  }
  lines.push(
    '| target | enrol all sockets | RSS idle | RSS connected | RSS / connection | RSS at end |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const id of ids) {
    const t = section.targets[id];
    if (t.error || t.skipped) continue;
    lines.push(
      `| ${labels[id]} | ${t.connectSeconds} s | ${mib(t.serverRssIdleBytes)} MiB | ${mib(t.serverRssConnectedBytes)} MiB | ` +
        `${(t.rssPerConnectionBytes / 1024).toFixed(1)} KiB | ${mib(t.serverRssEndBytes ?? t.serverRssConnectedBytes)} MiB |`,
    );
  }
  lines.push('');
  return lines;
}

const loss = (step) => (step.lost === 0 ? '0' : `${step.lossPct} % (${step.lost})`);
const ackTrouble = (step) => (step.ackErrors || step.acksMissing ? ` (${step.ackErrors} errors, ${step.acksMissing} missing)` : '');
