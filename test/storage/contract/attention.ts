import { describe, expect, it } from 'vitest';
import type { Fixture } from './fixture.js';

/** Read positions, the unread and mention counts past them, levels, and whom a name calls. */
export function attentionContract(f: Fixture): void {
  describe('attention', () => {
    async function roomOfTwo() {
      const [ann, bob] = [await f.user(), await f.user()];
      const room = await f.room(ann.id);
      await f.stores.rooms.addMember(room, bob.id, f.now());
      return { ann, bob, room };
    }
    const readRow = async (userId: string, roomId: string) => (await f.stores.attention.readRowsOf(userId, [roomId]))[0];

    it('a newcomer starts with the history read; the owner of a new room at 0', async () => {
      const ann = await f.user();
      const room = await f.room(ann.id);
      for (let i = 0; i < 3; i++) await f.stores.messages.appendMessage(f.message(room, ann));
      const bob = await f.user();
      await f.stores.rooms.addMember(room, bob.id, f.now());
      expect(await readRow(bob.id, room)).toEqual({ roomId: room, readSeq: 3, level: 'default', muted: false, lastSeq: 3, memberCount: 2 });
      expect((await readRow(ann.id, room))?.readSeq).toBe(0);
      expect(await f.stores.attention.readRowsOf(bob.id, [])).toEqual([]);
      expect((await f.stores.attention.readRowsOf(bob.id)).map((r) => r.roomId)).toEqual([room]);
    });

    it('counts others’ messages past the read position, not deleted ones, up to the cap', async () => {
      const { ann, bob, room } = await roomOfTwo();
      const sent = [];
      for (let i = 0; i < 5; i++) sent.push((await f.stores.messages.appendMessage(f.message(room, bob))).message);
      await f.stores.messages.appendMessage(f.message(room, ann));
      await f.stores.messages.changeMessage(room, sent[4]!.id, { kind: 'delete', by: bob.id, at: f.now() });
      expect(await f.stores.attention.countUnread(room, ann.id, 0, 999)).toEqual({ unread: 4, mentions: 0 });
      expect(await f.stores.attention.countUnread(room, ann.id, 2, 999)).toEqual({ unread: 2, mentions: 0 });
      expect(await f.stores.attention.countUnread(room, ann.id, 0, 3)).toEqual({ unread: 3, mentions: 0 });
      expect(await f.stores.attention.countUnread(room, bob.id, 0, 999)).toEqual({ unread: 1, mentions: 0 });
    });

    it('mentions: by name or everyone (*), never one’s own; an edit replaces them, a deletion removes them', async () => {
      const { ann, bob, room } = await roomOfTwo();
      const carol = await f.user();
      await f.stores.rooms.addMember(room, carol.id, f.now());
      const named = await f.stores.messages.appendMessage({
        ...f.message(room, bob),
        mentions: [{ kind: 'user', id: ann.id, username: ann.username }],
        mentioned: [ann.id],
      });
      expect(named.message.mentions).toEqual([{ kind: 'user', id: ann.id, username: ann.username }]);
      const everyone = await f.stores.messages.appendMessage({ ...f.message(room, bob), mentions: [{ kind: 'room' }], mentioned: ['*'] });
      expect(await f.stores.attention.countUnread(room, ann.id, 0, 999)).toEqual({ unread: 2, mentions: 2 });
      expect(await f.stores.attention.countUnread(room, carol.id, 0, 999)).toEqual({ unread: 2, mentions: 1 });
      expect(await f.stores.attention.countUnread(room, bob.id, 0, 999)).toEqual({ unread: 0, mentions: 0 });
      // What was read back from storage says whom it mentions, as stored.
      expect((await f.stores.messages.findMessage(room, named.message.id))?.mentions).toEqual(named.message.mentions);

      await f.stores.messages.changeMessage(room, named.message.id, {
        kind: 'edit',
        by: bob.id,
        text: 'now @carol',
        at: f.now(),
        mentions: [{ kind: 'user', id: carol.id, username: carol.username }],
        mentioned: [carol.id],
      });
      expect((await f.stores.attention.countUnread(room, ann.id, 0, 999)).mentions).toBe(1);
      expect((await f.stores.attention.countUnread(room, carol.id, 0, 999)).mentions).toBe(2);
      await f.stores.messages.changeMessage(room, everyone.message.id, { kind: 'delete', by: bob.id, at: f.now() });
      expect(await f.stores.attention.countUnread(room, ann.id, 0, 999)).toEqual({ unread: 1, mentions: 0 });
      expect((await f.stores.messages.findMessage(room, everyone.message.id))?.mentions).toEqual([]);
    });

    it('a read position moves forward only, never past the room’s last message, and only for a member', async () => {
      const { ann, room } = await roomOfTwo();
      for (let i = 0; i < 4; i++) await f.stores.messages.appendMessage(f.message(room, ann));
      expect(await f.stores.attention.markRead(room, ann.id, 2)).toMatchObject({ row: { readSeq: 2, lastSeq: 4 }, moved: true });
      expect(await f.stores.attention.markRead(room, ann.id, 1)).toMatchObject({ row: { readSeq: 2 }, moved: false });
      expect(await f.stores.attention.markRead(room, ann.id, 1_000_000)).toMatchObject({ row: { readSeq: 4 }, moved: true });
      expect(await f.stores.attention.markRead(room, ann.id, 1_000_000)).toMatchObject({ row: { readSeq: 4 }, moved: false });
      expect(await f.stores.attention.markRead(room, 'nobody', 3)).toBeUndefined();
      expect(await f.stores.attention.markRead('no-room', ann.id, 3)).toBeUndefined();
    });

    it('levels and mute are kept per membership; a non-member has none', async () => {
      const { ann, bob, room } = await roomOfTwo();
      expect(await f.stores.attention.setLevel(room, ann.id, { level: 'nothing' })).toBe(true);
      expect(await f.stores.attention.setLevel(room, ann.id, { muted: true })).toBe(true);
      expect(await f.stores.attention.setLevel(room, ann.id, {})).toBe(true);
      expect(await readRow(ann.id, room)).toMatchObject({ level: 'nothing', muted: true });
      expect(await readRow(bob.id, room)).toMatchObject({ level: 'default', muted: false });
      expect(await f.stores.attention.setLevel(room, 'nobody', { level: 'all' })).toBe(false);
      expect(await f.stores.attention.setLevel(room, 'nobody', {})).toBe(false);
    });

    it('names resolve to members only, compared as names are kept unique (case, look-alikes)', async () => {
      const [ann, bob] = [await f.user(f.unique('Ann')), await f.user(f.unique('Bob'))];
      const outsider = await f.user(f.unique('Eve'));
      const room = await f.room(ann.id);
      await f.stores.rooms.addMember(room, bob.id, f.now());
      const found = await f.stores.attention.membersNamed(room, [
        ann.username.toUpperCase(),
        bob.username.replace('o', 'о'),
        outsider.username,
      ]);
      expect(found.sort((a, b) => a.id.localeCompare(b.id))).toEqual([ann, bob].sort((a, b) => a.id.localeCompare(b.id)));
      expect(await f.stores.attention.membersNamed(room, [])).toEqual([]);
    });

    it('the notification queue: a room waits until handed out, and only one hand-out of the same step wins', async () => {
      const { ann, bob, room } = await roomOfTwo();
      await f.stores.notify.saveSubscription({ endpoint: `https://push.example/${room}`, userId: bob.id, p256dh: 'p', auth: 'a' }, f.now());
      await f.stores.messages.appendMessage(f.message(room, ann));
      await f.stores.messages.appendMessage(f.message(room, ann));
      expect(await f.stores.notify.roomsWaiting(10_000)).toContain(room);
      const waiting = await f.stores.notify.readWaiting(room, 1);
      expect(waiting).toMatchObject({ notifiedSeq: 0, messages: [{ seq: 1 }] });
      expect(waiting?.recipients).toEqual([
        { userId: bob.id, readSeq: 0, level: 'default', muted: false, endpoints: [`https://push.example/${room}`] },
      ]);
      const delivery = {
        id: f.unique('d'),
        userId: bob.id,
        endpoint: `https://push.example/${room}`,
        roomId: room,
        messageId: waiting!.messages[0]!.id,
        payload: '{}',
        runAt: f.now(),
      };
      const rival = { ...delivery, id: f.unique('d') };
      const [first, second] = await Promise.all([
        f.stores.notify.handOut(room, 0, 1, [delivery]),
        f.stores.notify.handOut(room, 0, 1, [rival]),
      ]);
      expect([first, second].sort()).toEqual([false, true]);
      const won = first ? delivery : rival;
      expect((await f.stores.notify.readWaiting(room, 10))?.messages.map((m) => m.seq)).toEqual([2]);
      expect(await f.stores.notify.handOut(room, 1, 2, [])).toBe(true);
      expect(await f.stores.notify.readWaiting(room, 10)).toBeUndefined();
      expect(await f.stores.notify.roomsWaiting(10_000)).not.toContain(room);

      const due = (await f.stores.notify.dueDeliveries(f.now(), 10_000)).filter((d) => d.roomId === room);
      expect(due).toEqual([{ ...won, attempts: 0 }]);
      expect(await f.stores.notify.leaseDelivery(won.id, 0, f.now())).toBe(true);
      expect(await f.stores.notify.leaseDelivery(won.id, 0, f.now())).toBe(false);
      // Removing the subscription takes its deliveries with it.
      await f.stores.notify.removeSubscription(delivery.endpoint, 'someone else');
      expect(await f.stores.notify.findSubscription(delivery.endpoint)).toBeDefined();
      await f.stores.notify.removeSubscription(delivery.endpoint, bob.id);
      expect(await f.stores.notify.findSubscription(delivery.endpoint)).toBeUndefined();
      expect((await f.stores.notify.dueDeliveries(f.now(), 10_000)).filter((d) => d.roomId === room)).toEqual([]);
    });

    it('rooms where nobody has a browser subscribed are handed out to no one at once; the others wait', async () => {
      const quiet = await roomOfTwo();
      const loud = await roomOfTwo();
      await f.stores.notify.saveSubscription({ endpoint: `https://push.example/loud-${loud.room}`, userId: loud.bob.id, p256dh: 'p', auth: 'a' }, f.now());
      for (const { room, ann } of [quiet, loud]) await f.stores.messages.appendMessage(f.message(room, ann));
      await f.stores.notify.skipQuietRooms();
      const waiting = await f.stores.notify.roomsWaiting(100_000);
      expect(waiting).not.toContain(quiet.room);
      expect(waiting).toContain(loud.room);
    });

    it('a hand-out of tens of thousands of pushes is stored whole (more values than one statement binds)', async () => {
      const { ann, bob, room } = await roomOfTwo();
      const endpoint = `https://push.example/many-${room}`;
      await f.stores.notify.saveSubscription({ endpoint, userId: bob.id, p256dh: 'p', auth: 'a' }, f.now());
      const { message } = await f.stores.messages.appendMessage(f.message(room, ann));
      const runAt = f.now();
      const many = Array.from({ length: 6000 }, (_, i) => ({ id: `${room}-d${i}`, userId: bob.id, endpoint, roomId: room, messageId: message.id, payload: '{}', runAt }));
      expect(await f.stores.notify.handOut(room, 0, 1, many)).toBe(true);
      expect((await f.stores.notify.dueDeliveries(runAt, 10_000)).filter((d) => d.roomId === room)).toHaveLength(6000);
      await f.stores.notify.removeSubscription(endpoint);
    });

    it('a room’s mention policy is kept and read with the room', async () => {
      const ann = await f.user();
      const room = await f.room(ann.id);
      await f.stores.attention.setMentionPolicy(room, 'owners');
      expect((await f.stores.rooms.findRoomById(room))?.mentionPolicy).toBe('owners');
    });
  });
}
