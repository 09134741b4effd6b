// Slow readers (bench/scenarios/slowreaders.mjs): `rooms` rooms of `per-room` members, `rate`
// messages a second in total, each `text-bytes` long. Two phases of `seconds` each: everyone
// reading, then `stalled-pct` % of the members stop reading their sockets. Measured in each phase:
// the reading members' delivery latency and the server's resident memory (its peak, sampled).
// Prints one JSON result on stdout.
import { createDeliveryCounter, stampedText } from '../lib/deliveries.mjs';
import { readFlags } from '../lib/flags.mjs';
import { readUsageOf, round } from '../lib/proc.mjs';
import { Samples } from '../lib/samples.mjs';

const flags = readFlags(process.argv.slice(2), {
  target: 'hearth',
  urls: 'http://127.0.0.1:3000',
  pids: [],
  rooms: 1,
  'per-room': 500,
  rate: 20,
  'text-bytes': 1024,
  'stalled-pct': 10,
  seconds: 10,
  warmup: 3,
  'server-core': -1,
  'load-core': -1,
});
const log = (line) => process.stderr.write(`[load slow-readers ${flags.target}] ${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const urls = flags.urls.split(',');
const tag = `s${Date.now().toString(36)}`;
const live = createDeliveryCounter();
const drivers = { hearth: '../drivers/hearth.mjs', reference: '../drivers/reference.mjs' };
const { enrol } = await import(drivers[flags.target]);
const { roomIds, members } = await enrol({ urls, rooms: flags.rooms, perRoom: flags['per-room'], tag, onEventFrame: live.onEventFrame });
const all = members.flat();
log(`${all.length} members at ${flags.rate} msg/s of ${flags['text-bytes']} bytes`);

let sent = 0;
const senders = members.map((room, r) => ({ socket: room[0], roomId: roomIds[r] }));
const ticker = setInterval(() => {
  const { socket, roomId } = senders[sent % senders.length];
  sent++;
  socket.call('message:send', { roomId, text: stampedText(flags['text-bytes']), clientId: `${tag}-${sent}` }, () => {});
}, 1000 / flags.rate);

async function phase() {
  live.received = 0;
  live.latency = new Samples(1 << 16);
  let peakRss = 0;
  const start = readUsageOf(flags.pids);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, readUsageOf(flags.pids).rssBytes)), 200);
  await sleep(flags.seconds * 1000);
  clearInterval(sampler);
  const end = readUsageOf(flags.pids);
  return {
    deliveries: live.received,
    ...live.latency.summary(),
    rssStartBytes: start.rssBytes,
    rssPeakBytes: Math.max(peakRss, end.rssBytes),
    rssEndBytes: end.rssBytes,
    serverCpuPct: round((100 * (end.cpuUs - start.cpuUs)) / 1e6 / ((end.at - start.at) / 1000), 1),
  };
}

/** Hearth's own count (GET /metrics); the reference server has none. */
async function connectedSockets() {
  if (flags.target !== 'hearth') return null;
  let total = 0;
  for (const url of urls) {
    const text = await fetch(`${url}/metrics`).then(
      (r) => r.text(),
      () => '',
    );
    total += Number(/^hearth_connected_sockets (\d+)/m.exec(text)?.[1] ?? NaN);
  }
  return total;
}

await sleep(flags.warmup * 1000);
const reading = await phase();
// Never a sender: the members who stop are the last of each room.
const stalled = members.flatMap((room) => room.slice(room.length - Math.round((room.length * flags['stalled-pct']) / 100)));
for (const socket of stalled) socket.stopReading();
log(`${stalled.length} members stopped reading`);
const withStalled = await phase();
clearInterval(ticker);
const result = {
  target: flags.target,
  members: all.length,
  stalled: stalled.length,
  rate: flags.rate,
  textBytes: flags['text-bytes'],
  seconds: flags.seconds,
  reading,
  withStalled,
  // The server closes a reader that stopped rather than buffer for it without end.
  socketsOnServerAtEnd: await connectedSockets(),
  p99Ratio: reading.p99ms ? round(withStalled.p99ms / reading.p99ms, 2) : null,
};
for (const socket of all) socket.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
