import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createRoom, enter } from '../support/chat.js';
import { connect, guest, startHearth, waitFor } from '../support/hearth.js';
import { openRawSocket } from '../hostile/raw-socket.js';

describe('a client that stops reading', () => {
  it('is closed once its backlog passes the bound, while a reading member keeps every message', async () => {
    const server = await startHearth({ slowReaders: { maxQueuedPackets: 50, maxBufferedBytes: 256 * 1024, intervalMs: 50 } });
    try {
      const ann = await guest(server);
      const room = await createRoom(server, ann, 'firehose');
      const reader = await connect(server, ann.token);
      await enter(reader, room.id);

      const stalled = await openRawSocket(server.url);
      await waitFor(() => stalled.frames.some((f) => f.startsWith('0{')), 'the open packet');
      stalled.send(`40${JSON.stringify({ token: ann.token })}`);
      await waitFor(() => stalled.frames.some((f) => f.startsWith('40{')), 'the connect');
      // Stops reading: the kernel's buffers fill, then the server's.
      (stalled.rawTcp() as Socket).pause();

      const text = 'x'.repeat(20_000);
      let sent = 0;
      while (server.io.of('/').sockets.size === 2 && sent < 2_000) {
        server.io.to(`room:${room.id}`).emit('message:created', {
          message: {
            id: `m${sent}`,
            roomId: room.id,
            seq: sent + 1,
            change: sent + 1,
            author: ann.user,
            text,
            clientId: `c${sent}`,
            createdAt: new Date().toISOString(),
            editedAt: null,
            deletedAt: null,
            replyTo: null,
            reactions: [],
            mentions: [],
            attachments: [],
            preview: null,
          },
        });
        sent++;
        if (sent % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await waitFor(() => server.io.of('/').sockets.size === 1, 'the stalled socket to be closed', 10_000);
      expect(reader.socket.connected).toBe(true);
      await waitFor(
        () => reader.events.filter((e) => e.event === 'message:created').length === sent,
        'every message to the reader',
        10_000,
      );
      reader.close();
      stalled.close();
    } finally {
      await server.stop();
    }
  }, 30_000);
});
