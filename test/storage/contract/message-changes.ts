import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createStores } from '../../../src/server/storage/stores.js';
import { range, type Fixture } from './fixture.js';

/** Edits, deletes, reactions and replies, and the room's change sequence that orders them all. */
export function messageChangeContract(f: Fixture): void {
  const at = () => f.now();

  describe('changeMessage and the change sequence', () => {
    it('an edit, a reaction and a delete each take the next change position; the page shows the newest state', async () => {
      const [ann, bob] = [await f.user(), await f.user()];
      const room = await f.room(ann.id);
      const { message: first } = await f.stores.messages.appendMessage(f.message(room, ann));
      await f.stores.messages.appendMessage(f.message(room, ann));
      const edited = await f.stores.messages.changeMessage(room, first.id, { kind: 'edit', by: 'author', text: 'better words', at: at() });
      expect(edited).toMatchObject({
        ok: true,
        message: { id: first.id, seq: 1, change: 3, text: 'better words', editedAt: expect.any(String) },
      });
      const reacted = await f.stores.messages.changeMessage(room, first.id, { kind: 'react', by: bob.id, emoji: '👍', maxEmoji: 20 });
      expect(reacted).toMatchObject({ ok: true, on: true, message: { change: 4, reactions: [{ emoji: '👍', count: 1, me: true }] } });
      const deleted = await f.stores.messages.changeMessage(room, first.id, { kind: 'delete', by: 'author', at: at() });
      expect(deleted).toMatchObject({ ok: true, message: { change: 5, text: '', reactions: [], deletedAt: expect.any(String) } });
      expect((await f.stores.rooms.findRoomById(room))?.lastChange).toBe(5);
      const page = await f.stores.messages.pageMessages(room, { limit: 10 });
      expect(page.messages.map((m) => [m.seq, m.change, m.text])).toEqual([
        [1, 5, ''],
        [2, 2, expect.any(String)],
      ]);
    });

    it("a deleted message's text is gone from the database, and it takes no more changes", async () => {
      const ann = await f.user();
      const room = await f.room(ann.id);
      const { message } = await f.stores.messages.appendMessage({ ...f.message(room, ann), text: 'a secret to take back' });
      await f.stores.messages.changeMessage(room, message.id, { kind: 'delete', by: 'author', at: at() });
      const stored = await sql<{ text: string }>`select text from messages where id = ${message.id}`.execute(f.database.db);
      expect(stored.rows).toEqual([{ text: '' }]);
      expect(await f.stores.messages.changeMessage(room, message.id, { kind: 'edit', by: 'author', text: 'again', at: at() })).toEqual({
        ok: false,
        reason: 'not_found',
      });
      expect(await f.stores.messages.changeMessage(room, 'nope', { kind: 'delete', by: 'author', at: at() })).toEqual({
        ok: false,
        reason: 'not_found',
      });
      // Refusals took no position: the next change is the next number.
      const { message: next } = await f.stores.messages.appendMessage(f.message(room, ann));
      expect(next.change).toBe(3);
    });

    it('a message of another room is not found through this one', async () => {
      const ann = await f.user();
      const [here, there] = [await f.room(ann.id), await f.room(ann.id)];
      const { message } = await f.stores.messages.appendMessage(f.message(there, ann));
      expect(await f.stores.messages.findMessage(here, message.id)).toBeUndefined();
      expect(await f.stores.messages.changeMessage(here, message.id, { kind: 'delete', by: 'author', at: at() })).toEqual({
        ok: false,
        reason: 'not_found',
      });
    });

    it('reactions toggle per person and emoji, and a message takes at most maxEmoji different ones', async () => {
      const [ann, bob] = [await f.user(), await f.user()];
      const room = await f.room(ann.id);
      const { message } = await f.stores.messages.appendMessage(f.message(room, ann));
      const react = (userId: string, emoji: string, maxEmoji = 2) =>
        f.stores.messages.changeMessage(room, message.id, { kind: 'react', by: userId, emoji, maxEmoji });
      await react(ann.id, '👍');
      await react(bob.id, '👍');
      await react(bob.id, '🎉');
      expect(await react(bob.id, '🔥')).toEqual({ ok: false, reason: 'too_many_reactions' });
      expect(await react(ann.id, '👍')).toMatchObject({
        on: false,
        message: {
          reactions: [
            { emoji: '👍', count: 1, me: false },
            { emoji: '🎉', count: 1, me: false },
          ],
        },
      });
      const off = await react(bob.id, '🎉');
      expect(off.ok && off.message.reactions).toEqual([{ emoji: '👍', count: 1, me: true }]);
      expect(await f.stores.messages.reactionsOf(room, message.id)).toEqual([{ emoji: '👍', userIds: [bob.id] }]);
      // Each reader sees its own reactions marked, on every read path.
      const seen = async (readerId?: string) => [
        (await f.stores.messages.findMessage(room, message.id, readerId))?.reactions,
        (await f.stores.messages.pageMessages(room, { limit: 5 }, readerId)).messages[0]?.reactions,
        (await f.stores.messages.pageChanges(room, 0, 5, readerId)).messages[0]?.reactions,
      ];
      expect(await seen(bob.id)).toEqual(Array(3).fill([{ emoji: '👍', count: 1, me: true }]));
      expect(await seen(ann.id)).toEqual(Array(3).fill([{ emoji: '👍', count: 1, me: false }]));
      expect(await seen()).toEqual(Array(3).fill([{ emoji: '👍', count: 1, me: false }]));
      expect(await f.stores.messages.reactionsOf(room, 'nope')).toBeUndefined();
    });

    it('pageChanges returns each changed message once, as it is now, in change order, paged', async () => {
      const ann = await f.user();
      const room = await f.room(ann.id);
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push((await f.stores.messages.appendMessage(f.message(room, ann))).message.id);
      await f.stores.messages.changeMessage(room, ids[0]!, { kind: 'edit', by: 'author', text: 'one', at: at() });
      await f.stores.messages.changeMessage(room, ids[0]!, { kind: 'edit', by: 'author', text: 'one, again', at: at() });
      await f.stores.messages.changeMessage(room, ids[2]!, { kind: 'delete', by: 'author', at: at() });
      const first = await f.stores.messages.pageChanges(room, 2, 2);
      expect(first.messages.map((m) => [m.seq, m.change])).toEqual([
        [4, 4],
        [1, 6],
      ]);
      expect(first.hasMore).toBe(true);
      const rest = await f.stores.messages.pageChanges(room, 6, 2);
      expect(rest).toMatchObject({ messages: [{ seq: 3, change: 7, deletedAt: expect.any(String) }], hasMore: false });
      expect(first.messages[1]?.text).toBe('one, again');
    });

    it('a reply carries the answered message as it is now: its edit, then its deletion', async () => {
      const [ann, bob] = [await f.user(), await f.user()];
      const room = await f.room(ann.id);
      const { message: original } = await f.stores.messages.appendMessage({ ...f.message(room, ann), text: 'Lunch at noon?' });
      const replyTo = { id: original.id, seq: 1, author: original.author, excerpt: original.text, deleted: false };
      const { message: reply } = await f.stores.messages.appendMessage({ ...f.message(room, bob), text: 'Yes!', replyTo });
      expect(reply.replyTo).toEqual(replyTo);
      await f.stores.messages.changeMessage(room, original.id, { kind: 'edit', by: 'author', text: 'Lunch at one?', at: at() });
      expect((await f.stores.messages.findMessage(room, reply.id))?.replyTo).toMatchObject({ excerpt: 'Lunch at one?', deleted: false });
      await f.stores.messages.changeMessage(room, original.id, { kind: 'delete', by: 'author', at: at() });
      expect((await f.stores.messages.findMessage(room, reply.id))?.replyTo).toEqual({ ...replyTo, excerpt: '', deleted: true });
    });

    it('a page around a seq holds it in its middle and says what lies beyond on either side', async () => {
      const ann = await f.user();
      const room = await f.room(ann.id);
      for (let i = 0; i < 20; i++) await f.stores.messages.appendMessage(f.message(room, ann));
      const page = await f.stores.messages.pageMessages(room, { around: 10, limit: 6 });
      expect(page.messages.map((m) => m.seq)).toEqual([8, 9, 10, 11, 12, 13]);
      expect(page).toMatchObject({ hasMore: true, hasNewer: true });
      const start = await f.stores.messages.pageMessages(room, { around: 2, limit: 6 });
      expect(start.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(start).toMatchObject({ hasMore: false, hasNewer: true });
    });

    it('60 concurrent changes and appends from several users get gapless, distinct positions; no reaction is lost', async () => {
      const users = [await f.user(), await f.user(), await f.user()];
      const room = await f.room(users[0]!.id);
      const { message: target } = await f.stores.messages.appendMessage(f.message(room, users[0]!));
      // A second set of stores on the same database, as a second process would have.
      const other = f.target.sharedByProcesses ? createStores(f.database) : f.stores;
      const emoji = ['👍', '🎉', '🔥', '👀', '❤️'];
      await Promise.all(
        range(0, 59).map((i) => {
          const stores = i % 2 ? other : f.stores;
          const user = users[i % 3]!;
          if (i % 4 === 0) return stores.messages.appendMessage(f.message(room, user));
          return stores.messages.changeMessage(room, target.id, { kind: 'react', by: user.id, emoji: emoji[i % 5]!, maxEmoji: 20 });
        }),
      );
      const changes = await f.stores.messages.pageChanges(room, 0, 100);
      const positions = changes.messages.map((m) => m.change);
      const last = (await f.stores.rooms.findRoomById(room))?.lastChange;
      expect(last).toBe(61);
      expect(new Set(positions).size).toBe(positions.length);
      expect(Math.max(...positions)).toBe(61);
      // Every toggle of the 45 applied in some order: count them back per (user, emoji) pair.
      const toggles = new Map<string, number>();
      for (const i of range(0, 59).filter((i) => i % 4 !== 0)) {
        const key = `${users[i % 3]!.id} ${emoji[i % 5]!}`;
        toggles.set(key, (toggles.get(key) ?? 0) + 1);
      }
      const expected = [...toggles]
        .filter(([, n]) => n % 2 === 1)
        .map(([key]) => key)
        .sort();
      const final = (await f.stores.messages.reactionsOf(room, target.id))!.flatMap((r) => r.userIds.map((id) => `${id} ${r.emoji}`));
      expect(final.sort()).toEqual(expected);
    });
  });
}
