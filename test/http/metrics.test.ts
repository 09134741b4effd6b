import { describe, expect, it } from 'vitest';
import { createRoom, joinByCode, send } from '../support/chat.js';
import { guest, waitFor } from '../support/hearth.js';
import { hearthSuite } from '../support/suite.js';

const suite = hearthSuite();

async function scrape(): Promise<{ contentType: string; text: string }> {
  const response = await fetch(`${suite.server.url}/metrics`);
  expect(response.status).toBe(200);
  return { contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}
const sample = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('/metrics', () => {
  it('serves Prometheus text with sockets, stored messages, ack latency, fan-out, database latency and event-loop lag', async () => {
    const ann = await guest(suite.server);
    const bob = await guest(suite.server);
    const room = await createRoom(suite.server, ann, 'measured');
    await joinByCode(suite.server, bob, room.code);
    const sockets = [await suite.open(ann.token), await suite.open(bob.token)];
    expect((await send(sockets[0]!, room.id, 'one', 'same')).ok).toBe(true);
    expect((await send(sockets[0]!, room.id, 'one', 'same')).ok).toBe(true);
    expect(await send(sockets[0]!, 'no-such-room', 'two')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const { contentType, text } = await scrape();
    expect(contentType).toMatch(/^text\/plain/);
    expect(sample(text, 'hearth_connected_sockets')).toBe(2);
    expect(sample(text, 'hearth_messages_stored_total')).toBe(1);
    expect(sample(text, 'hearth_message_ack_seconds_count{outcome="ok"}')).toBe(2);
    expect(sample(text, 'hearth_message_ack_seconds_count{outcome="NOT_FOUND"}')).toBe(1);
    expect(sample(text, 'hearth_message_fanout_members_count')).toBe(1);
    expect(sample(text, 'hearth_message_fanout_members_sum')).toBe(2);
    expect(sample(text, 'hearth_db_operation_seconds_count{operation="messages.appendMessage"}')).toBe(2);
    expect(text).toContain('# TYPE hearth_redis_errors_total counter');
    expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');

    for (const socket of sockets) socket.close();
    await waitFor(() => suite.server.io.of('/').sockets.size === 0, 'sockets closed');
    expect(sample((await scrape()).text, 'hearth_connected_sockets')).toBe(0);
  });
});
