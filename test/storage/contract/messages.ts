import { describe, expect, it } from 'vitest';
import { createStores } from '../../../src/server/storage/stores.js';
import { range, type Fixture } from './fixture.js';

export function messageContract(f: Fixture): void {
  describe('appendMessage', () => {
    it('returns the stored message with its author and seq 1, 2, 3 in a new room', async () => {
      const author = await f.user();
      const room = await f.room(author.id);
      const input = f.message(room, author);
      const { message, created } = await f.stores.messages.appendMessage(input);
      expect(created).toBe(true);
      expect(message).toEqual({
        id: input.id,
        roomId: room,
        seq: 1,
        change: 1,
        author: { id: author.id, username: author.username },
        text: input.text,
        clientId: input.clientId,
        createdAt: input.createdAt,
        editedAt: null,
        deletedAt: null,
        replyTo: null,
        reactions: [],
        mentions: [],
        attachments: [],
        preview: null,
      });
      expect((await f.stores.messages.appendMessage(f.message(room, author))).message.seq).toBe(2);
      expect((await f.stores.messages.appendMessage(f.message(room, author))).message.seq).toBe(3);
      expect((await f.stores.rooms.findRoomById(room))?.lastSeq).toBe(3);
    });

    it('200 concurrent appends across 3 rooms number each room 1..n, resolving in seq order', async () => {
      const author = await f.user();
      const rooms = [await f.room(author.id), await f.room(author.id), await f.room(author.id)];
      const resolved = new Map<string, number[]>(rooms.map((room) => [room, []]));
      await Promise.all(
        range(0, 199).map((i) => {
          const room = rooms[i % 3] ?? '';
          return f.stores.messages.appendMessage(f.message(room, author)).then(({ message, created }) => {
            expect(created).toBe(true);
            resolved.get(room)?.push(message.seq);
          });
        }),
      );
      for (const [i, room] of rooms.entries()) {
        const count = i === 2 ? 66 : 67;
        expect(resolved.get(room)).toEqual(range(1, count));
        expect(await f.seqsOf(room)).toEqual(range(1, count));
      }
    });

    it('a repeated (author, room, clientId) returns the original with created=false and stores nothing', async () => {
      const author = await f.user();
      const room = await f.room(author.id);
      const first = await f.stores.messages.appendMessage(f.message(room, author, 'same'));
      const repeat = await f.stores.messages.appendMessage({ ...f.message(room, author, 'same'), text: 'changed' });
      expect(repeat).toEqual({ message: first.message, created: false });
      expect(await f.seqsOf(room)).toEqual([1]);
    });

    it('the same clientId from another author is a different message', async () => {
      const [a, b] = [await f.user(), await f.user()];
      const room = await f.room(a.id);
      await f.stores.messages.appendMessage(f.message(room, a, 'shared'));
      expect((await f.stores.messages.appendMessage(f.message(room, b, 'shared'))).created).toBe(true);
      expect(await f.seqsOf(room)).toEqual([1, 2]);
    });

    it('identical appends racing store one message and all resolve to it', async () => {
      const author = await f.user();
      const room = await f.room(author.id);
      const input = f.message(room, author, 'racing');
      const results = await Promise.all([1, 2, 3].map(() => f.stores.messages.appendMessage({ ...input })));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.message.id))).toEqual(new Set([input.id]));
      expect(await f.seqsOf(room)).toEqual([1]);
    });

    it('the same clientId in another room, even racing, is another message there: each room gets its own', async () => {
      const author = await f.user();
      const [x, y] = [await f.room(author.id), await f.room(author.id)];
      const results = await Promise.all(
        [f.message(x, author, 'twice'), f.message(y, author, 'twice')].map((m) => f.stores.messages.appendMessage(m)),
      );
      expect(results.map((r) => r.created)).toEqual([true, true]);
      expect(results.map((r) => r.message.roomId)).toEqual([x, y]);
      const repeat = await f.stores.messages.appendMessage({ ...f.message(y, author, 'twice'), text: 'again' });
      expect(repeat).toEqual({ message: results[1]?.message, created: false });
      expect([...(await f.seqsOf(x)), ...(await f.seqsOf(y))]).toEqual([1, 1]);
    });

    it('an append to an unknown room or by an unknown author fails alone and leaves no gap', async () => {
      const author = await f.user();
      const room = await f.room(author.id);
      const stranger = { id: 'no-such-user', username: 'Ghost' };
      const outcomes = await Promise.allSettled([
        f.stores.messages.appendMessage(f.message(room, author)),
        f.stores.messages.appendMessage(f.message('no-such-room', author)),
        f.stores.messages.appendMessage(f.message(room, stranger)),
        f.stores.messages.appendMessage(f.message(room, author)),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
      expect(await f.seqsOf(room)).toEqual([1, 2]);
      expect((await f.stores.rooms.findRoomById(room))?.lastSeq).toBe(2);
    });

    // Several processes share a database only on PostgreSQL: SQLite is one process's file.
    if (f.target.sharedByProcesses)
      it('two store instances sharing the database (as two processes) give one room one gapless sequence', async () => {
        const other = await f.target.open();
        try {
          const stores = [f.stores, createStores(other)];
          const author = await f.user();
          const room = await f.room(author.id);
          const input = f.message(room, author, 'both');
          const results = await Promise.all([
            ...range(0, 99).map((i) => (stores[i % 2] ?? f.stores).messages.appendMessage(f.message(room, author))),
            ...stores.map((s) => s.messages.appendMessage({ ...input })),
          ]);
          expect(results.filter((r) => r.message.clientId === 'both' && r.created)).toHaveLength(1);
          expect(await f.seqsOf(room)).toEqual(range(1, 101));
        } finally {
          await other.close();
        }
      });
  });
}
