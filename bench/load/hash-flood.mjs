// Password-hashing flood (bench/scenarios/hashflood.mjs): `rooms` × `per-room` members chat at
// `rate` messages a second in total; after a quiet phase, `flood` sign-in requests with wrong
// passwords arrive every second, for as long again. The figure is other users'
// acknowledgement latency in each phase: hashing must not take the chat's core. `arrival`: paced
// over each second, or all at once (bench/load/hash-flood-requests.mjs).
// Prints one JSON result on stdout.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readFlags } from '../lib/flags.mjs';
import { stampedText } from '../lib/deliveries.mjs';
import { readUsageOf, round } from '../lib/proc.mjs';
import { Samples } from '../lib/samples.mjs';

const flags = readFlags(process.argv.slice(2), {
  target: 'hearth',
  urls: 'http://127.0.0.1:3000',
  pids: [],
  rooms: 20,
  'per-room': 5,
  rate: 100,
  flood: 500,
  path: '/api/auth/login',
  arrival: 'paced',
  seconds: 10,
  warmup: 3,
  'server-core': -1,
  'load-core': -1,
});
if (flags.target !== 'hearth') throw new Error('the hash flood drives Hearth only');
const log = (line) => process.stderr.write(`[load hash-flood] ${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const [url] = flags.urls.split(',');
const tag = `h${Date.now().toString(36)}`;
const { enrol } = await import('../drivers/hearth.mjs');
const { roomIds, members } = await enrol({ urls: [url], rooms: flags.rooms, perRoom: flags['per-room'], tag, onEventFrame: () => {} });
const senders = members.flatMap((room, r) => room.map((socket) => ({ socket, roomId: roomIds[r] })));
log(`${senders.length} chatters at ${flags.rate} msg/s; flood of ${flags.flood} sign-ins in flight`);

let phase = 'warmup';
const acks = { quiet: new Samples(1 << 14), flood: new Samples(1 << 14) };
const ackErrors = { quiet: 0, flood: 0 };
let sent = 0;
const ticker = setInterval(() => {
  const { socket, roomId } = senders[sent % senders.length];
  const at = performance.now();
  const during = phase;
  sent++;
  socket.call('message:send', { roomId, text: stampedText(64), clientId: `${tag}-${sent}` }, ([ack]) => {
    if (!(during in acks)) return;
    if (ack?.ok) acks[during].add(Math.round((performance.now() - at) * 1000));
    else ackErrors[during]++;
  });
}, 1000 / flags.rate);

// The flood runs in a process of its own, niced: on the chatters' event loop (or a thread sharing
// the core as an equal), sending 500 requests would delay the very acknowledgements being timed.
function startFlood() {
  const child = spawn(
    'nice',
    [
      '-n',
      '19',
      process.execPath,
      fileURLToPath(new URL('./hash-flood-requests.mjs', import.meta.url)),
      url,
      tag,
      String(flags.flood),
      String(flags.seconds),
      flags.path,
      flags.arrival,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  return new Promise((resolve) => child.once('exit', () => resolve(JSON.parse(out.trim() || '{"statuses":{}}'))));
}

await sleep(flags.warmup * 1000);
phase = 'quiet';
const quiet0 = readUsageOf(flags.pids);
await sleep(flags.seconds * 1000);
const quiet1 = readUsageOf(flags.pids);
phase = 'flood';
const floodStart = performance.now();
const floodDone = startFlood();
await sleep(flags.seconds * 1000);
const flood1 = readUsageOf(flags.pids);
phase = 'stop';
const floodSeconds = (performance.now() - floodStart) / 1000;
const { statuses } = await Promise.race([floodDone, sleep(15_000).then(() => ({ statuses: { unanswered: -1 } }))]);
clearInterval(ticker);
await sleep(500);

const cpuPct = (a, b) => round((100 * (b.cpuUs - a.cpuUs)) / 1e6 / ((b.at - a.at) / 1000), 1);
const quiet = acks.quiet.summary();
const flood = acks.flood.summary();
const answered = Object.values(statuses).reduce((a, b) => a + b, 0);
const result = {
  target: flags.target,
  chatters: senders.length,
  rate: flags.rate,
  flood: flags.flood,
  seconds: flags.seconds,
  quiet: { acks: acks.quiet.count, errors: ackErrors.quiet, ...quiet, serverCpuPct: cpuPct(quiet0, quiet1) },
  flooded: { acks: acks.flood.count, errors: ackErrors.flood, ...flood, serverCpuPct: cpuPct(quiet1, flood1) },
  signIns: { answered, perS: Math.round(answered / floodSeconds), statuses },
  serverRssBytes: flood1.rssBytes,
};
for (const { socket } of senders) socket.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
