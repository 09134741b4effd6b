// Durable ingest load (bench/scenarios/ingest.mjs): `rooms` rooms of `per-room` members, every
// member a sender that keeps `window` sends awaiting their acknowledgement and sends again as each
// one comes back; Hearth acknowledges only once the message is durably stored. After a warm-up,
// counts the acknowledgements that arrive within `seconds`, their latency, the deliveries, and the
// server's CPU in that window. Prints one JSON result on stdout.
import { auxDelta, auxSnapshot } from '../lib/aux-cpu.mjs';
import { createDeliveryCounter, stampedText } from '../lib/deliveries.mjs';
import { readFlags } from '../lib/flags.mjs';
import { othersOnCore, readCores, readUsageOf, round } from '../lib/proc.mjs';
import { Samples } from '../lib/samples.mjs';

const flags = readFlags(process.argv.slice(2), {
  target: 'reference',
  urls: 'http://127.0.0.1:3999',
  pids: [],
  rooms: 500,
  'per-room': 2,
  window: 1,
  warmup: 3,
  seconds: 10,
  drain: 5,
  'text-bytes': 64,
  profile: false,
  'db-name': '',
  redis: false,
  'server-core': -1,
  'load-core': -1,
});
const drivers = { hearth: '../drivers/hearth.mjs', reference: '../drivers/reference.mjs' };
if (!drivers[flags.target]) throw new Error(`--target must be one of ${Object.keys(drivers).join(', ')}`);
if (!flags.pids.length) throw new Error('--pids (the server processes to measure) is required');

const log = (line) => process.stderr.write(`[load ingest ${flags.target}] ${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const urls = flags.urls.split(',');
const tag = `i${Date.now().toString(36)}`;
const live = createDeliveryCounter();
const { enrol } = await import(drivers[flags.target]);
log(`enrolling ${flags.rooms} rooms × ${flags['per-room']} members over ${urls.length} process(es)`);
const { roomIds, members } = await enrol({ urls, rooms: flags.rooms, perRoom: flags['per-room'], tag, onEventFrame: live.onEventFrame });

// 'warmup' → 'measure' → 'stop'; acknowledgements count toward the result only while measuring.
let phase = 'warmup';
let measureStart = 0;
const acks = new Samples(1 << 16);
const errors = new Map();
let ackedInWindow = 0;
let createdTotal = 0;
let inFlight = 0;
let sent = 0;

function pump(socket, roomId, sender) {
  while (phase !== 'stop' && socket.inFlight < flags.window && !socket.dropped) {
    const sentAt = performance.now();
    socket.inFlight++;
    inFlight++;
    sent++;
    const payload = { roomId, text: stampedText(flags['text-bytes']), clientId: `${tag}-${sender}-${sent}` };
    socket.call('message:send', payload, ([ack]) => {
      const at = performance.now();
      socket.inFlight--;
      inFlight--;
      if (ack?.ok) createdTotal++;
      if (phase === 'measure' && sentAt >= measureStart) {
        if (ack?.ok) {
          ackedInWindow++;
          acks.add(Math.round((at - sentAt) * 1000));
        } else {
          const code = ack?.error?.code ?? 'NO_ACK_BODY';
          errors.set(code, (errors.get(code) ?? 0) + 1);
        }
      }
      pump(socket, roomId, sender);
    });
  }
}

const senders = members.flatMap((room, r) => room.map((socket, j) => ({ socket, roomId: roomIds[r], sender: r * flags['per-room'] + j })));
for (const s of senders) s.socket.inFlight = 0;
log(`${senders.length} senders, window ${flags.window}: warming up for ${flags.warmup} s`);
for (const { socket, roomId, sender } of senders) pump(socket, roomId, sender);
await sleep(flags.warmup * 1000);

const aux = { dbName: flags['db-name'], redis: flags.redis };
const aux0 = auxSnapshot(aux);
const server0 = readUsageOf(flags.pids);
const cores0 = readCores();
const client0 = process.cpuUsage();
if (flags.profile) flags.pids.forEach((pid) => process.kill(pid, 'SIGUSR2'));
live.received = 0;
live.latency = new Samples(1 << 16);
measureStart = performance.now();
phase = 'measure';
await sleep(flags.seconds * 1000);
const windowEnd = performance.now();
// Acks still owed were sent inside the window (or before): they count if they arrive in it only.
const ackedWithinWindow = ackedInWindow;
const deliveredInWindow = live.received;
const latencyInWindow = live.latency.summary();
if (flags.profile) flags.pids.forEach((pid) => process.kill(pid, 'SIGUSR2'));
const server1 = readUsageOf(flags.pids);
const cores1 = readCores();
const client1 = process.cpuUsage(client0);
const { postgresUs, redisUs } = auxDelta(aux0, auxSnapshot(aux));
phase = 'stop';

const drainUntil = performance.now() + flags.drain * 1000;
// Every stored message reaches every member of its room: wait (bounded) for the last acks and deliveries.
while ((inFlight > 0 || live.total < createdTotal * flags['per-room']) && performance.now() < drainUntil) await sleep(10);

const seconds = (windowEnd - measureStart) / 1000;
const serverCpuUs = server1.cpuUs - server0.cpuUs;
const clientCpuUs = client1.user + client1.system;
const windowS = (server1.at - server0.at) / 1000;
const ackLatency = acks.summary();
const result = {
  target: flags.target,
  processes: urls.length,
  rooms: flags.rooms,
  perRoom: flags['per-room'],
  senders: senders.length,
  window: flags.window,
  seconds: round(seconds, 2),
  acked: ackedWithinWindow,
  ackedPerS: Math.round(ackedWithinWindow / seconds),
  ackP50ms: ackLatency.p50ms,
  ackP99ms: ackLatency.p99ms,
  ackMaxms: ackLatency.maxms,
  ackErrors: Object.fromEntries(errors),
  acksMissingAfterDrain: inFlight,
  deliveriesPerS: Math.round(deliveredInWindow / seconds),
  deliveryP99ms: latencyInWindow.p99ms,
  storedTotal: createdTotal,
  lostDeliveries: Math.max(0, createdTotal * flags['per-room'] - live.total),
  serverCpuPct: round((100 * serverCpuUs) / 1e6 / windowS, 1),
  serverCpuUsPerMessage: round(serverCpuUs / Math.max(1, ackedWithinWindow), 1),
  serverCpuPctEach: server1.each.map((u, i) => round((100 * (u.cpuUs - server0.each[i].cpuUs)) / 1e6 / windowS, 1)),
  postgresCpuUsPerMessage: postgresUs === null ? null : round(postgresUs / Math.max(1, ackedWithinWindow), 1),
  redisCpuUsPerMessage: redisUs === null ? null : round(redisUs / Math.max(1, ackedWithinWindow), 1),
  clientCpuPct: round((100 * clientCpuUs) / 1e6 / windowS, 1),
  othersOnServerCorePct: flags['server-core'] >= 0 ? othersOnCore(cores0, cores1, flags['server-core'], serverCpuUs) : null,
  othersOnLoadCorePct: flags['server-core'] >= 0 ? othersOnCore(cores0, cores1, flags['load-core'], clientCpuUs) : null,
  runAuxCpuPct: round((100 * ((postgresUs ?? 0) + (redisUs ?? 0))) / 1e6 / windowS, 1),
  droppedSockets: senders.filter((s) => s.socket.dropped).length,
};
for (const { socket } of senders) socket.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
