// Attention on the send path and the notification queue's throughput, on the built server (dist/,
// `npm run build` first), SQLite:
//  1. a room of `members` people (seeded through Hearth's storage layer before the server starts),
//     every one of them away with a browser subscribed to a local HTTPS push service; one sender
//     acknowledges `messages` sends one at a time, alternating a plain message and one with
//     `@room`: the acknowledgement must not pay for the notifications (they are queued);
//  2. then `burst` `@room` messages at once: how fast the queue hands them out and the pushes
//     reach the push service (encrypted and signed per browser by web-push).
// The server runs on core 0 and this process on core 1 when taskset is there.
//
//   node bench/attention.mjs [--members 1000] [--messages 400] [--burst 20] [--no-write]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createECDH, randomBytes } from 'node:crypto';
import { readFlags } from './lib/flags.mjs';
import { connectSocket } from './lib/bench-socket.mjs';
import { canPin } from './lib/processes.mjs';
import { startBuiltServer } from './lib/built-server.mjs';
import { Samples } from './lib/samples.mjs';
import { guestToken, postJson } from './drivers/hearth.mjs';

const flags = readFlags(
  process.argv.slice(2),
  { members: 1000, messages: 400, burst: 20, write: true },
  'node bench/attention.mjs [--members 1000] [--messages 400] [--burst 20] [--no-write]',
);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (path) => import(pathToFileURL(join(root, 'dist/node/server', path)).href);
const dir = mkdtempSync(join(tmpdir(), 'hearth-attention-bench-'));
const log = (line) => console.log(`[attention] ${line}`);
const pin = canPin() && cpus().length > 1;

// A push service that takes every push (the tests check what it holds; this counts it).
execFileSync(
  'openssl',
  [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    join(dir, 'key.pem'),
    '-out',
    join(dir, 'cert.pem'),
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
  ],
  { stdio: 'ignore' },
);
let pushes = 0;
let lastPushAt = 0;
const pushService = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
  req.resume();
  req.on('end', () => {
    pushes++;
    lastPushAt = performance.now();
    res.writeHead(201).end();
  });
});
await new Promise((resolve) => pushService.listen(0, '127.0.0.1', resolve));
const pushOrigin = `https://127.0.0.1:${pushService.address().port}`;

// The room, its members and their browsers, straight into the database.
const databaseUrl = `sqlite:${join(dir, 'hearth.db')}`;
const { openDatabase, createStores } = await dist('storage/stores.js');
const { nodeIds } = await dist('memory/node-ids.js');
const database = await openDatabase(databaseUrl);
const stores = createStores(database);
const at = new Date().toISOString();
const owner = { id: nodeIds.newId(), username: 'bench-owner', kind: 'guest', createdAt: at };
await stores.users.insertUser(owner);
// `quiet`: members without a browser subscribed (the acknowledgements are compared there, with
// no push work running); `loud`: every member with one (the queue's throughput).
const newRoom = async (name) => {
  const room = {
    id: nodeIds.newId(),
    name,
    topic: '',
    visibility: 'public',
    code: nodeIds.newRoomCode(8),
    ownerId: owner.id,
    createdAt: at,
  };
  await stores.rooms.insertRoom(room);
  return room;
};
const [quiet, loud] = [await newRoom('Quiet'), await newRoom('Loud')];
const seedStart = performance.now();
await Promise.all(
  Array.from({ length: 2 * flags.members }, async (_, i) => {
    const user = { id: nodeIds.newId(), username: `member-${i}`, kind: 'guest', createdAt: at };
    await stores.users.insertUser(user);
    const subscribed = i >= flags.members;
    await stores.rooms.addMember(subscribed ? loud.id : quiet.id, user.id, at);
    if (!subscribed) return;
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    await stores.notify.saveSubscription(
      {
        endpoint: `${pushOrigin}/push/${i}`,
        userId: user.id,
        p256dh: ecdh.getPublicKey('base64url'),
        auth: randomBytes(16).toString('base64url'),
      },
      at,
    );
  }),
);
await database.close();
log(`seeded ${flags.members} members with a browser each in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

const { url, server } = await startBuiltServer({
  root,
  dir,
  pin,
  env: {
    DATABASE_URL: databaseUrl,
    HEARTH_PUSH_HOSTS: '127.0.0.1',
    HEARTH_PUSH_CA: join(dir, 'cert.pem'),
  },
});

const token = await guestToken(url, `bench-sender-${process.pid}`);
for (const room of [quiet, loud]) await postJson(url, '/api/rooms/join', { code: room.code }, { authorization: `Bearer ${token}` });
const socket = await connectSocket({ baseUrl: url, auth: { token } });
const send = (text, n, room = quiet) =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    socket.call('message:send', { roomId: room.id, text, clientId: `bench-${n}` }, ([ack]) =>
      ack?.ok ? resolve(Math.round((performance.now() - started) * 1000)) : reject(new Error(JSON.stringify(ack))),
    );
  });
const waitFor = async (probe, ms) => {
  const deadline = performance.now() + ms;
  while (!probe() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 10));
};

// 1. Acknowledgements, one send at a time: plain and @room alternating, after a warm-up.
let n = 0;
for (let i = 0; i < 40; i++) await send(i % 2 ? 'warm-up @room' : 'warm-up', ++n, i % 4 === 1 ? loud : quiet);
await waitFor(() => pushes >= 10 * 500, 60_000);
log(`warm-up: ${pushes} pushes`);
const plain = new Samples();
const everyone = new Samples();
for (let i = 0; i < flags.messages; i++) {
  if (i % 2) everyone.add(await send(`lunch is ready @room ${i}`, ++n));
  else plain.add(await send(`lunch is ready ${i}`, ++n));
}
log(`acks: plain ${JSON.stringify(plain.summary())}, @room ${JSON.stringify(everyone.summary())}`);

// 2. A burst of @room messages in the loud room: handed out and pushed to every browser (500 a
// message at most), while plain sends in the quiet room are acknowledged one at a time.
const before = pushes;
const expected = flags.burst * Math.min(500, flags.members);
const burstStart = performance.now();
await Promise.all(Array.from({ length: flags.burst }, (_, i) => send(`everyone, look @room ${i}`, ++n, loud)));
const ackedAt = performance.now();
const during = new Samples();
while (pushes - before < expected && performance.now() - burstStart < 120_000) during.add(await send('meanwhile', ++n));
await waitFor(() => pushes - before >= expected, 120_000);
log(`acks while pushing: ${JSON.stringify(during.summary())}`);
const seconds = (lastPushAt - burstStart) / 1000;
const burst = {
  messages: flags.burst,
  pushes: pushes - before,
  expected,
  ackedMs: Math.round(ackedAt - burstStart),
  seconds: Number(seconds.toFixed(2)),
  pushesPerSecond: Math.round((pushes - before) / seconds),
  messagesPerSecond: Number((flags.burst / seconds).toFixed(1)),
};
log(`burst: ${JSON.stringify(burst)}`);

socket.close();
if (pushes === 0) log(`no push arrived; the server said:\n${server.logTail(40)}`);
await server.stop();
pushService.close();
const result = {
  date: new Date().toISOString(),
  machine: `${cpus()[0]?.model} × ${cpus().length}, Node ${process.version}`,
  pinned: pin,
  members: flags.members,
  acks: { plain: plain.summary(), everyone: everyone.summary(), samplesEach: flags.messages / 2, whilePushing: during.summary() },
  burst,
};
if (flags.write) {
  const file = join(root, 'bench/results', `attention-${result.date.slice(0, 10)}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  log(`written to ${file}`);
}
console.log(JSON.stringify(result));
rmSync(dir, { recursive: true, force: true });
