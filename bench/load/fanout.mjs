// Fan-out load (bench/scenarios/fanout.mjs starts it pinned to the load core): enrols rooms ×
// members against one target, then offers each message rate in turn and measures what comes back.
// Prints one JSON result on stdout; progress goes to stderr.
//
//   node bench/load/fanout.mjs --target hearth|reference --urls http://127.0.0.1:PORT[,…] --pids PID[,…]
//
// Every text starts with `hb~<send time in µs>~`. A delivery is a `message:created` frame; it is
// recognised by its first bytes and timed by reading the digits after the marker, with no string
// or JSON decoding, so the generator stays far cheaper than the server it measures.
import { readFlags } from '../lib/flags.mjs';
import { createDeliveryCounter, stampedText } from '../lib/deliveries.mjs';
import { readUsageOf } from '../lib/proc.mjs';
import { measureStep } from '../lib/step.mjs';

const flags = readFlags(process.argv.slice(2), {
  target: 'reference',
  urls: 'http://127.0.0.1:3999',
  pids: [],
  rooms: 10,
  'per-room': 50,
  steps: [100, 400],
  seconds: 10,
  drain: 5,
  tick: 5,
  'text-bytes': 64,
  'profile-step': 0, // offered rate during which the servers are sent SIGUSR2 to start/stop a profile
  settle: 1,
  'server-core': -1, // the cores the runner pinned the servers and this process to; -1: unpinned
  'load-core': -1,
  warmup: 3, // seconds at the top rate before the measured steps, not recorded
  'db-name': '', // the throwaway PostgreSQL database, to count its backends' CPU
  redis: false, // count the Redis server's CPU too
  'changes-pct': 0, // Hearth only: this share of the events toggles a reaction on the room's latest message instead of sending
  'reads-pct': 0, // Hearth only: this share of the events marks the room read up to its latest message (room:read) instead of sending
});
const drivers = { hearth: '../drivers/hearth.mjs', reference: '../drivers/reference.mjs' };
if (!drivers[flags.target]) throw new Error(`--target must be one of ${Object.keys(drivers).join(', ')}`);
if (!flags.pids.length) throw new Error('--pids (the server processes to measure) is required');

const log = (line) => process.stderr.write(`[load fanout ${flags.target}] ${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const urls = flags.urls.split(',');

const live = createDeliveryCounter();
const tag = `b${Date.now().toString(36)}`;
const connections = flags.rooms * flags['per-room'];
const latestInRoom = [];
const latestSeqInRoom = [];
const before = readUsageOf(flags.pids);
const { enrol } = await import(drivers[flags.target]);
log(`enrolling ${flags.rooms} rooms × ${flags['per-room']} members over ${urls.length} process(es)`);
const enrolStart = performance.now();
const { roomIds, members } = await enrol({ urls, rooms: flags.rooms, perRoom: flags['per-room'], tag, onEventFrame: live.onEventFrame });
const connectSeconds = (performance.now() - enrolStart) / 1000;
await sleep(flags.settle * 1000);
const enrolled = readUsageOf(flags.pids);
log(`enrolled in ${connectSeconds.toFixed(2)} s`);

const result = {
  target: flags.target,
  processes: urls.length,
  rooms: flags.rooms,
  perRoom: flags['per-room'],
  connections,
  connectSeconds: Number(connectSeconds.toFixed(2)),
  serverRssIdleBytes: before.rssBytes,
  serverRssConnectedBytes: enrolled.rssBytes,
  rssPerConnectionBytes: Math.round((enrolled.rssBytes - before.rssBytes) / connections),
  textBytes: stampedText(flags['text-bytes']).length,
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
    pids: flags.pids,
    aux: { dbName: flags['db-name'], redis: flags.redis },
    cores: flags['server-core'] >= 0 ? { server: flags['server-core'], load: flags['load-core'] } : null,
    live,
    profile: !warmup && rate === flags['profile-step'],
    send(n, onAck) {
      const room = n % flags.rooms;
      const socket = members[room][Math.floor(n / flags.rooms) % flags['per-room']];
      // Every room gets the same share of changes: n's own slot within its room decides.
      const latest = latestInRoom[room];
      if (latest && Math.floor(n / flags.rooms) % 100 < flags['changes-pct']) {
        socket.call('message:react', { roomId: roomIds[room], messageId: latest, emoji: '👍' }, onAck);
        return;
      }
      // The slots after the changes' ones read: a member who sees the newest message says so.
      const slot = Math.floor(n / flags.rooms) % 100;
      if (latestSeqInRoom[room] && slot >= flags['changes-pct'] && slot < flags['changes-pct'] + flags['reads-pct']) {
        socket.call('room:read', { roomId: roomIds[room], seq: latestSeqInRoom[room] }, onAck);
        return false;
      }
      const clientId = `${tag}-${++sendCount}`; // unique across steps, or the server dedupes it
      socket.call('message:send', { roomId: roomIds[room], text: stampedText(flags['text-bytes']), clientId }, (args) => {
        if (args[0]?.ok) {
          latestInRoom[room] = args[0].message.id;
          latestSeqInRoom[room] = args[0].message.seq;
        }
        onAck(args);
      });
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
