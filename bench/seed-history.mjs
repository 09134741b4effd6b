// Seeds one public room with a long history, straight into the database through Hearth's own
// storage layer (dist/, so run `npm run build` first): openDatabase migrates the schema, the stores
// create the author and the room, and the messages go in as multi-row inserts of the same rows the
// server writes (seq 1…N with no gaps, unique client ids, rising times), many per transaction.
// Prints one JSON line: { roomId, code, authorId, messages, seconds }.
//
//   node bench/seed-history.mjs --database-url sqlite:./data/hearth.db|postgres://… [--messages 1000000] [--rich 1]
//
// With --rich 1 every message carries two reactions (three and one people) and every third one
// answers the message before it: what a page of a lively room holds.
import { randomBytes, randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readFlags } from './lib/flags.mjs';

const flags = readFlags(
  process.argv.slice(2),
  { 'database-url': '', messages: 1_000_000, batch: 2000, 'per-transaction': 100_000, name: '', rich: 0 },
  'node bench/seed-history.mjs --database-url URL [--messages 1000000]',
);
if (!flags['database-url']) throw new Error('--database-url is required (sqlite:<path> or postgres://…)');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (path) => import(pathToFileURL(join(root, 'dist/node/server', path)).href);
const { openDatabase, createStores } = await dist('storage/stores.js');
const { nodeIds } = await dist('memory/node-ids.js');
const { sql } = await import('kysely');

const started = performance.now();
const database = await openDatabase(flags['database-url']);
const { db, engine } = database;
const stores = createStores(database);
const suffix = randomBytes(3).toString('hex');
const createdAt = new Date(Date.now() - flags.messages * 1000);

const author = { id: nodeIds.newId(), username: `history-${suffix}`, kind: 'guest', createdAt: createdAt.toISOString() };
if ((await stores.users.insertUser(author)) !== 'ok') throw new Error('could not create the author');
const room = {
  id: nodeIds.newId(),
  name: flags.name || `history ${suffix}`,
  topic: `${flags.messages} seeded messages`,
  visibility: 'public',
  code: nodeIds.newRoomCode(8),
  ownerId: author.id,
  createdAt: createdAt.toISOString(),
};
if ((await stores.rooms.insertRoom(room)) !== 'ok') throw new Error('could not create the room');

// A throwaway database: no need to wait for the disk on every transaction while filling it.
if (engine === 'sqlite') {
  await sql`pragma synchronous = off`.execute(db);
  await sql`pragma cache_size = -262144`.execute(db);
}

const words = ['hearth', 'fire', 'room', 'message', 'history', 'page', 'scroll', 'older', 'newer', 'seq'];
const reactions = JSON.stringify([
  { emoji: '👍', userIds: [author.id, 'seed-a', 'seed-b'] },
  { emoji: '🎉', userIds: ['seed-c'] },
]);
let previousId = null;
const row = (seq) => {
  const id = randomUUID();
  const rich = flags.rich ? { reactions, reply_to_id: seq % 3 === 0 ? previousId : null } : {};
  previousId = id;
  return {
    id,
    room_id: room.id,
    seq,
    change_seq: seq,
    author_id: author.id,
    text: `#${seq} ${words.slice(0, 3 + (seq % 8)).join(' ')}`,
    client_id: `seed-${seq}`,
    created_at: new Date(createdAt.getTime() + seq * 1000).toISOString(),
    ...rich,
  };
};

let seq = 0;
let lastReport = performance.now();
while (seq < flags.messages) {
  const end = Math.min(flags.messages, seq + flags['per-transaction']);
  await db.transaction().execute(async (trx) => {
    if (engine === 'postgres') await sql`set local synchronous_commit = off`.execute(trx);
    while (seq < end) {
      const rows = [];
      for (const last = Math.min(end, seq + flags.batch); seq < last;) rows.push(row(++seq));
      await trx.insertInto('messages').values(rows).execute();
    }
  });
  if (performance.now() - lastReport > 5000) {
    process.stderr.write(`[seed] ${seq} messages in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    lastReport = performance.now();
  }
}
await db
  .updateTable('rooms')
  .set({
    last_seq: flags.messages,
    last_change: flags.messages,
    last_activity_at: new Date(createdAt.getTime() + flags.messages * 1000).toISOString(),
  })
  .where('id', '=', room.id)
  .execute();
// What autovacuum would do soon after such a load anyway; measure the planner's steady state.
if (engine === 'postgres') await sql`analyze messages`.execute(db);
if (engine === 'sqlite') await sql`pragma wal_checkpoint(truncate)`.execute(db);
await database.close();

const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
process.stdout.write(
  `${JSON.stringify({ roomId: room.id, code: room.code, authorId: author.id, messages: flags.messages, engine, seconds })}\n`,
);
