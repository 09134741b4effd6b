// The load generator: one process (pinned to its own core by bench/run.mjs) that enrols
// rooms × members against one target, then offers each message rate in turn and measures what
// comes back. Prints one JSON result on stdout; progress goes to stderr.
//
//   node bench/load.mjs --target hearth|reference --url http://127.0.0.1:PORT --pid SERVER_PID
//
// Every text starts with `hb~<send time in µs>~`. A delivery is a `message:created` frame; it is
// recognised by its first bytes and timed by reading the digits after the marker, with no string
// or JSON decoding, so the generator stays far cheaper than the server it measures.
import { Buffer } from 'node:buffer';
import { readFlags } from './lib/flags.mjs';
import { readUsage } from './lib/proc.mjs';
import { Samples } from './lib/samples.mjs';
import { measureStep } from './lib/step.mjs';

const flags = readFlags(process.argv.slice(2), {
  target: 'reference',
  url: 'http://127.0.0.1:3999',
  pid: 0,
  rooms: 10,
  'per-room': 50,
  steps: [100, 400],
  seconds: 10,
  drain: 5,
  tick: 5,
  'text-bytes': 64,
  'profile-step': 0, // offered rate during which the server is sent SIGUSR2 to start/stop a profile
  settle: 1,
  'server-core': -1, // the cores bench/run.mjs pinned the server and this process to; -1: unpinned
  'load-core': -1,
  warmup: 3, // seconds at the top rate before the measured steps, not recorded
});
const drivers = { hearth: './drivers/hearth.mjs', reference: './drivers/reference.mjs' };
if (!drivers[flags.target]) throw new Error(`--target must be one of ${Object.keys(drivers).join(', ')}`);
if (!flags.pid) throw new Error('--pid (the server process to measure) is required');

const log = (line) => process.stderr.write(`[load ${flags.target}] ${line}\n`);
const nowUs = () => Math.round(performance.now() * 1000);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Counters for the step in progress; the frame handler below is the hot path.
const live = { received: 0, lastAt: 0, latency: new Samples() };
const DELIVERY = Buffer.from('42["message:created"');
const MARKER = Buffer.from('"hb~');
function onEventFrame(bytes) {
  if (bytes.compare(DELIVERY, 0, DELIVERY.length, 0, DELIVERY.length) !== 0) return;
  let i = bytes.indexOf(MARKER, DELIVERY.length);
  if (i < 0) return;
  let sentAt = 0;
  for (i += MARKER.length; bytes[i] >= 48 && bytes[i] <= 57; i++) sentAt = sentAt * 10 + bytes[i] - 48;
  const at = nowUs();
  live.received++;
  live.lastAt = at;
  live.latency.add(at - sentAt);
}

const tag = `b${Date.now().toString(36)}`;
const connections = flags.rooms * flags['per-room'];
const before = readUsage(flags.pid);
const { enrol } = await import(drivers[flags.target]);
log(`enrolling ${flags.rooms} rooms × ${flags['per-room']} members`);
const enrolStart = performance.now();
const { roomIds, members } = await enrol({
  baseUrl: flags.url,
  rooms: flags.rooms,
  perRoom: flags['per-room'],
  tag,
  onEventFrame,
});
const connectSeconds = (performance.now() - enrolStart) / 1000;
await sleep(flags.settle * 1000);
const enrolled = readUsage(flags.pid);
log(`enrolled in ${connectSeconds.toFixed(2)} s`);

const padding = 'x'.repeat(flags['text-bytes']);
const textAt = (us) => {
  const stamp = `hb~${us}~`;
  return stamp + padding.slice(stamp.length); // --text-bytes long, or just the stamp if shorter
};
const result = {
  target: flags.target,
  rooms: flags.rooms,
  perRoom: flags['per-room'],
  connections,
  connectSeconds: Number(connectSeconds.toFixed(2)),
  serverRssIdleBytes: before.rssBytes,
  serverRssConnectedBytes: enrolled.rssBytes,
  rssPerConnectionBytes: Math.round((enrolled.rssBytes - before.rssBytes) / connections),
  textBytes: textAt(nowUs()).length,
  warmupSeconds: flags.warmup,
  steps: [],
};

let sendCount = 0;
// The warm-up, at the top rate so that per-message code is optimised too (not only the per-delivery
// loop), lets both targets' JIT and caches settle before anything is recorded.
const plan = flags.warmup > 0 ? [{ rate: Math.max(...flags.steps), seconds: flags.warmup, warmup: true }] : [];
plan.push(...flags.steps.map((rate) => ({ rate, seconds: flags.seconds, warmup: false })));
for (const { rate, seconds, warmup } of plan) {
  const step = await measureStep({
    rate,
    seconds,
    drainSeconds: flags.drain,
    tickMs: flags.tick,
    perRoom: flags['per-room'],
    pid: flags.pid,
    cores: flags['server-core'] >= 0 ? { server: flags['server-core'], load: flags['load-core'] } : null,
    live,
    profile: !warmup && rate === flags['profile-step'],
    send(n, onAck) {
      const room = n % flags.rooms;
      const socket = members[room][Math.floor(n / flags.rooms) % flags['per-room']];
      const clientId = `${tag}-${++sendCount}`; // unique across steps, or the server dedupes it
      socket.call('message:send', { roomId: roomIds[room], text: textAt(nowUs()), clientId }, onAck);
    },
    dropped: () => members.flat().filter((s) => s.dropped).length,
  });
  log(`${warmup ? 'warm-up ' : ''}${JSON.stringify(step)}`);
  if (!warmup) result.steps.push(step);
  await sleep(flags.settle * 1000);
}

for (const socket of members.flat()) socket.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
