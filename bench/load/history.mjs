// History page load (bench/scenarios/history.mjs): one member's token, one keep-alive connection,
// `requests` sequential GETs per case after `warmup` unrecorded ones. A request is timed from just
// before it is written to the last byte of its response (the body is parsed and checked only
// afterwards), so the figure is the server's whole handling (routing, session lookup, room and
// membership check, the page query, JSON, its log line) plus the loopback round trip.
import { Buffer } from 'node:buffer';
import http from 'node:http';
import { readFlags } from '../lib/flags.mjs';
import { auxDelta, auxSnapshot } from '../lib/aux-cpu.mjs';
import { othersOnCore, readCores, readUsageOf, round } from '../lib/proc.mjs';
import { Samples } from '../lib/samples.mjs';

const flags = readFlags(process.argv.slice(2), {
  url: 'http://127.0.0.1:3000',
  token: '',
  room: '',
  messages: 1_000_000,
  requests: 200,
  warmup: 20,
  pids: [],
  profile: false,
  'db-name': '',
  'server-core': -1,
  'load-core': -1,
});
if (!flags.token || !flags.room || !flags.pids.length) throw new Error('--token, --room and --pids are required');

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const { hostname, port } = new URL(flags.url);
const base = `/api/rooms/${encodeURIComponent(flags.room)}/messages`;
const seqs = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const cases = [
  { name: 'me', path: '/api/me', check: (body) => Boolean(body.user?.id) },
  { name: 'newest', path: base, expect: { seqs: seqs(flags.messages - 49, flags.messages), hasMore: true } },
  { name: 'oldest-after', path: `${base}?after=0&limit=50`, expect: { seqs: seqs(1, 50), hasMore: true } },
  { name: 'oldest-before', path: `${base}?before=51`, expect: { seqs: seqs(1, 50), hasMore: false } },
];

function get(path) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get({ hostname, port, path, agent, headers: { authorization: `Bearer ${flags.token}` } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode, us: Math.round((performance.now() - t0) * 1000), body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`GET ${path} timed out`)));
    req.on('error', reject);
  });
}

function verify(c, { status, body }) {
  if (status !== 200) throw new Error(`GET ${c.path} → ${status} ${body.toString('utf8', 0, 200)}`);
  const json = JSON.parse(body.toString('utf8'));
  if (c.check) {
    if (!c.check(json)) throw new Error(`GET ${c.path}: unexpected body`);
    return;
  }
  const got = json.messages.map((m) => m.seq);
  if (got.join() !== c.expect.seqs.join() || json.hasMore !== c.expect.hasMore) {
    throw new Error(
      `GET ${c.path}: seqs ${got[0]}…${got.at(-1)} (${got.length}), hasMore ${json.hasMore}; expected ${c.expect.seqs[0]}…${c.expect.seqs.at(-1)}, ${c.expect.hasMore}`,
    );
  }
}

const results = {};
const aux0 = auxSnapshot({ dbName: flags['db-name'] });
const all0 = readUsageOf(flags.pids);
const cores0 = readCores();
const client0 = process.cpuUsage();
if (flags.profile) flags.pids.forEach((pid) => process.kill(pid, 'SIGUSR2'));
for (const c of cases) {
  for (let i = 0; i < flags.warmup; i++) verify(c, await get(c.path));
  const samples = new Samples(flags.requests);
  const server0 = readUsageOf(flags.pids);
  let bytes = 0;
  for (let i = 0; i < flags.requests; i++) {
    const response = await get(c.path);
    verify(c, response);
    samples.add(response.us);
    bytes = response.body.length;
  }
  const server1 = readUsageOf(flags.pids);
  results[c.name] = {
    path: c.path,
    requests: flags.requests,
    ...samples.summary(),
    responseBytes: bytes,
    serverCpuUsPerRequest: round((server1.cpuUs - server0.cpuUs) / flags.requests, 0),
  };
  process.stderr.write(`[load history] ${c.name}: ${JSON.stringify(results[c.name])}\n`);
}
if (flags.profile) flags.pids.forEach((pid) => process.kill(pid, 'SIGUSR2'));
const all1 = readUsageOf(flags.pids);
const cores1 = readCores();
const client1 = process.cpuUsage(client0);
const { postgresUs } = auxDelta(aux0, auxSnapshot({ dbName: flags['db-name'] }));
const windowS = (all1.at - all0.at) / 1000;
const pinned = flags['server-core'] >= 0;
const noise = {
  othersOnServerCorePct: pinned ? othersOnCore(cores0, cores1, flags['server-core'], all1.cpuUs - all0.cpuUs) : null,
  othersOnLoadCorePct: pinned ? othersOnCore(cores0, cores1, flags['load-core'], client1.user + client1.system) : null,
  runAuxCpuPct: round((100 * (postgresUs ?? 0)) / 1e6 / windowS, 1),
};
agent.destroy();
process.stdout.write(`${JSON.stringify({ messages: flags.messages, cases: results, ...noise })}\n`);
process.exit(0);
