import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { MessageSendAck, RoomJoinAck } from '../../src/contract/events.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/storage/database.js';
import { createStores } from '../../src/server/storage/stores.js';
import { createRoom, enter, send } from '../support/chat.js';
import { connect, guest } from '../support/hearth.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-restart-'));
const config = { ...loadConfig({ NODE_ENV: 'test', HEARTH_RATE_LIMITS: 'off' }), databaseUrl: `sqlite:${join(dir, 'h.db')}`, webRoot: dir };

async function boot(port = 0) {
  const database = await openDatabase(config.databaseUrl);
  const hearth = await buildApp(config, { stores: createStores(database) });
  await hearth.app.listen({ port, host: '127.0.0.1' });
  const address = hearth.app.server.address() as AddressInfo;
  return { ...hearth, database, url: `http://127.0.0.1:${address.port}`, port: address.port };
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('shutdown and restart', () => {
  it('a graceful stop finishes owed acknowledgements, and every acknowledged message survives the restart', async () => {
    const first = await boot();
    const ann = await guest(first);
    const room = await createRoom(first, ann, 'durable');
    const sock = await connect(first, ann.token);
    const burst: Array<Promise<MessageSendAck | 'lost'>> = Array.from({ length: 200 }, (_, i) =>
      send(sock, room.id, `m${i}`, `burst-${i}`).catch(() => 'lost' as const),
    );
    // Stop while the burst is being stored: the first ack proves the server is mid-way through it.
    await burst[0];
    await first.app.close();
    await first.database.close();
    const acked = (await Promise.all(burst)).flatMap((a) => (a !== 'lost' && a.ok ? [a.message] : []));
    expect(acked.length).toBeGreaterThan(1);
    sock.close();

    const second = await boot(first.port);
    const again = await connect(second, ann.token);
    const entry = await enter(again, room.id, 0);
    if (!entry.ok) throw new Error(JSON.stringify(entry));
    const stored = new Map(entry.messages.map((m) => [m.id, m]));
    let page: RoomJoinAck = entry;
    while (page.ok && page.hasMore) {
      page = await enter(again, room.id, page.messages.at(-1)!.seq);
      if (page.ok) for (const m of page.messages) stored.set(m.id, m);
    }
    for (const message of acked) expect(stored.get(message.id)).toEqual(message);
    expect([...stored.values()].map((m) => m.seq)).toEqual(Array.from({ length: stored.size }, (_, i) => i + 1));
    again.close();
    await second.app.close();
    await second.database.close();
  });
});
