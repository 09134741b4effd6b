// Arrival load for the connect and memory scenarios: `clients` clients each get a session
// (Hearth: POST /api/auth/guest), open a socket and `room:join` a room of `per-room` members, with
// at most `concurrency` clients arriving at once. The rooms are made first, untimed, by owners who
// never connect. Prints one JSON result on stdout: how long the arrivals took, how many failed,
// the server's CPU for them, and its memory before, right after, after settling and after a GC.
import { auxDelta, auxSnapshot } from '../lib/aux-cpu.mjs';
import { readFlags } from '../lib/flags.mjs';
import { readJsonWhenWritten } from '../lib/hook-files.mjs';
import { mapLimit } from '../lib/pool.mjs';
import { othersOnCore, readCores, readUsageOf, round } from '../lib/proc.mjs';
import { Samples } from '../lib/samples.mjs';

const flags = readFlags(process.argv.slice(2), {
  target: 'reference',
  urls: 'http://127.0.0.1:3999',
  pids: [],
  clients: 5000,
  'per-room': 50,
  concurrency: 200,
  settle: 2,
  profile: false, // SIGUSR2 to the servers around the arrivals (their CPU profile hook)
  'memory-hook': false, // SIGUSR2 before and after: the servers' memory hook collects garbage and reports
  'hook-outs': '',
  'db-name': '',
  'server-core': -1,
  'load-core': -1,
});
const drivers = { hearth: '../drivers/hearth.mjs', reference: '../drivers/reference.mjs' };
if (!drivers[flags.target]) throw new Error(`--target must be one of ${Object.keys(drivers).join(', ')}`);
if (!flags.pids.length) throw new Error('--pids (the server processes to measure) is required');

const log = (line) => process.stderr.write(`[load clients ${flags.target}] ${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const urls = flags.urls.split(',');
const signal = () => flags.pids.forEach((pid) => process.kill(pid, 'SIGUSR2'));
const tag = `c${Date.now().toString(36)}`;
const { prepareRooms, enrolOne } = await import(drivers[flags.target]);

const roomCount = Math.ceil(flags.clients / flags['per-room']);
const roomIds = await prepareRooms({ urls, count: roomCount, tag });
await sleep(flags.settle * 1000);
const heapBefore = flags['memory-hook'] ? await memoryReport(1) : null;

log(`${flags.clients} clients arriving, ${flags.concurrency} at a time, into ${roomCount} rooms over ${urls.length} process(es)`);
const aux = { dbName: flags['db-name'] };
const aux0 = auxSnapshot(aux);
const server0 = readUsageOf(flags.pids);
const cores0 = readCores();
const client0 = process.cpuUsage();
if (flags.profile) signal();
const start = performance.now();

const parts = { total: new Samples(), session: new Samples(), connect: new Samples(), join: new Samples() };
const errors = new Map();
const sockets = [];
await mapLimit(flags.clients, flags.concurrency, async (i) => {
  try {
    const member = i % flags['per-room'];
    const roomId = roomIds[Math.floor(i / flags['per-room'])];
    const arrival = await enrolOne({ urls, index: i, member, roomId, tag, onEventFrame: () => {} });
    sockets.push(arrival.socket);
    parts.total.add(Math.round(arrival.totalMs * 1000));
    parts.session.add(Math.round(arrival.sessionMs * 1000));
    parts.connect.add(Math.round(arrival.connectMs * 1000));
    parts.join.add(Math.round(arrival.joinMs * 1000));
  } catch (error) {
    const key = String(error.message).slice(0, 160);
    errors.set(key, (errors.get(key) ?? 0) + 1);
  }
});

const seconds = (performance.now() - start) / 1000;
if (flags.profile) signal();
const server1 = readUsageOf(flags.pids);
const cores1 = readCores();
const client1 = process.cpuUsage(client0);
const { postgresUs } = auxDelta(aux0, auxSnapshot(aux));
const failed = [...errors.values()].reduce((a, b) => a + b, 0);
log(`${sockets.length} arrived, ${failed} failed, in ${seconds.toFixed(2)} s`);

await sleep(flags.settle * 1000); // the servers finish announcing presence and joins
const settled = readUsageOf(flags.pids);
const heapAfter = flags['memory-hook'] ? await memoryReport(2) : null;
const afterGc = flags['memory-hook'] ? readUsageOf(flags.pids) : null;
const dropped = sockets.filter((s) => s.dropped).length;

const serverCpuUs = server1.cpuUs - server0.cpuUs;
const clientCpuUs = client1.user + client1.system;
const windowS = (server1.at - server0.at) / 1000;
const ms = (samples) => samples.summary();
const perClient = (a, b) => Math.round((b - a) / Math.max(1, sockets.length));
const result = {
  target: flags.target,
  processes: urls.length,
  clients: flags.clients,
  perRoom: flags['per-room'],
  rooms: roomCount,
  concurrency: flags.concurrency,
  arrived: sockets.length,
  failed: failed + dropped,
  droppedAfterJoin: dropped,
  errors: Object.fromEntries([...errors].slice(0, 5)),
  seconds: round(seconds, 2),
  clientsPerS: Math.round(sockets.length / seconds),
  latency: { total: ms(parts.total), session: ms(parts.session), connect: ms(parts.connect), join: ms(parts.join) },
  serverCpuPct: round((100 * serverCpuUs) / 1e6 / windowS, 1),
  serverCpuUsPerClient: Math.round(serverCpuUs / Math.max(1, sockets.length)),
  serverCpuPctEach: server1.each.map((u, i) => round((100 * (u.cpuUs - server0.each[i].cpuUs)) / 1e6 / windowS, 1)),
  postgresCpuUsPerClient: postgresUs === null ? null : Math.round(postgresUs / Math.max(1, sockets.length)),
  clientCpuPct: round((100 * clientCpuUs) / 1e6 / windowS, 1),
  othersOnServerCorePct: flags['server-core'] >= 0 ? othersOnCore(cores0, cores1, flags['server-core'], serverCpuUs) : null,
  othersOnLoadCorePct: flags['server-core'] >= 0 ? othersOnCore(cores0, cores1, flags['load-core'], clientCpuUs) : null,
  runAuxCpuPct: round((100 * (postgresUs ?? 0)) / 1e6 / windowS, 1),
  memory: {
    rssBeforeBytes: server0.rssBytes,
    rssArrivedBytes: server1.rssBytes,
    rssSettledBytes: settled.rssBytes,
    rssAfterGcBytes: afterGc?.rssBytes ?? null,
    rssPerClientBytes: perClient(server0.rssBytes, settled.rssBytes),
    rssPerClientAfterGcBytes: afterGc ? perClient(server0.rssBytes, afterGc.rssBytes) : null,
    heapBefore,
    heapAfter,
    heapUsedPerClientBytes: heapAfter ? perClient(heapBefore.heapUsed, heapAfter.heapUsed) : null,
    externalPerClientBytes: heapAfter ? perClient(heapBefore.external, heapAfter.external) : null,
  },
};
for (const socket of sockets) socket.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);

/** Asks every server's memory hook for report `n` (after a full GC) and sums what they wrote. */
async function memoryReport(n) {
  const outs = flags['hook-outs'].split(',');
  signal();
  const reports = await Promise.all(outs.map((out) => readJsonWhenWritten(`${out}-${n}.json`, 30_000)));
  const sum = (key) => reports.reduce((total, r) => total + r[key], 0);
  return {
    heapUsed: sum('heapUsed'),
    heapTotal: sum('heapTotal'),
    external: sum('external'),
    arrayBuffers: sum('arrayBuffers'),
    rss: sum('rss'),
  };
}
