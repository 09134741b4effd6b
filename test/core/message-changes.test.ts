import { describe, expect, it } from 'vitest';
import { limits } from '../../src/contract/limits.js';
import { startGuestSession } from '../../src/server/core/accounts/sessions.js';
import { deleteMessage, editMessage, reactToMessage } from '../../src/server/core/messages/change-message.js';
import { mayChangeMessage } from '../../src/server/core/messages/message-rules.js';
import { postMessage } from '../../src/server/core/messages/post-message.js';
import { toggleReaction } from '../../src/server/core/messages/reactions.js';
import { createRoom } from '../../src/server/core/rooms/create-room.js';
import { joinRoomByCode } from '../../src/server/core/rooms/join-by-code-or-name.js';
import { leaveRoom } from '../../src/server/core/rooms/leave-room.js';
import { fakeDeps, type Step } from './fakes.js';

async function setup() {
  const log: Step[] = [];
  const deps = fakeDeps(log);
  const ann = (await startGuestSession(deps, 'Ann', '1.1.1.1')).user;
  const bob = (await startGuestSession(deps, 'Bob', '1.1.1.1')).user;
  const room = await createRoom(deps, ann, { name: 'kitchen', topic: '', visibility: 'public' });
  await joinRoomByCode(deps, bob, room.code, '1.1.1.1');
  const { message } = await postMessage(deps, ann, { roomId: room.id, text: 'first', clientId: 'a1' });
  log.length = 0;
  return { deps, log, ann, bob, room, message };
}

describe('changing messages: the rules', () => {
  it('only the author may edit or delete, in one rule every handler asks', async () => {
    const { deps, ann, bob, room, message } = await setup();
    expect(mayChangeMessage(ann, message, 'edit')).toBe(true);
    expect(mayChangeMessage(bob, message, 'delete')).toBe(false);
    await expect(editMessage(deps, bob, { roomId: room.id, messageId: message.id, text: 'mine now' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(deleteMessage(deps, bob, { roomId: room.id, messageId: message.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('an edit is told to the room once; the same text again changes and tells nothing', async () => {
    const { deps, log, ann, room, message } = await setup();
    const edited = await editMessage(deps, ann, { roomId: room.id, messageId: message.id, text: 'second thoughts' });
    expect(edited).toMatchObject({ text: 'second thoughts', editedAt: expect.any(String), change: message.change + 1 });
    expect(await editMessage(deps, ann, { roomId: room.id, messageId: message.id, text: 'second thoughts' })).toEqual(edited);
    expect(log).toEqual([['toRoom', room.id, 'message:updated', { message: edited, by: ann.id }]]);
  });

  it("a deleted message's text is gone, and nothing more can be done to it", async () => {
    const { deps, ann, bob, room, message } = await setup();
    const deleted = await deleteMessage(deps, ann, { roomId: room.id, messageId: message.id });
    expect(deleted).toMatchObject({ text: '', deletedAt: expect.any(String), reactions: [] });
    await expect(editMessage(deps, ann, { roomId: room.id, messageId: message.id, text: 'back' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(reactToMessage(deps, bob, { roomId: room.id, messageId: message.id, emoji: '👍' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(postMessage(deps, bob, { roomId: room.id, text: 're', clientId: 'b1', replyTo: message.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('reactions toggle: on, off, and a new emoji beyond the limit is refused', async () => {
    const { deps, ann, bob, room, message } = await setup();
    const react = (user = bob, emoji = '👍') => reactToMessage(deps, user, { roomId: room.id, messageId: message.id, emoji });
    expect(await react()).toMatchObject({ on: true, message: { reactions: [{ emoji: '👍', count: 1, me: true }] } });
    expect(await react(ann)).toMatchObject({ on: true, message: { reactions: [{ emoji: '👍', count: 2, me: true }] } });
    expect(await react()).toMatchObject({ on: false, message: { reactions: [{ emoji: '👍', count: 1, me: false }] } });
    expect(await deps.messages.reactionsOf(room.id, message.id)).toEqual([{ emoji: '👍', userIds: [ann.id] }]);
    // Each reader sees which reactions are theirs; a broadcast names who changed it.
    expect((await deps.messages.findMessage(room.id, message.id, ann.id))?.reactions).toEqual([{ emoji: '👍', count: 1, me: true }]);
    expect((await deps.messages.findMessage(room.id, message.id, bob.id))?.reactions).toEqual([{ emoji: '👍', count: 1, me: false }]);
    const full = Array.from({ length: limits.reactionsPerMessageMax }, (_, i) => ({ emoji: String(i), userIds: ['x'] }));
    expect(toggleReaction(full, bob.id, '🆕', limits.reactionsPerMessageMax)).toBeUndefined();
    expect(toggleReaction(full, 'x', '0', limits.reactionsPerMessageMax)?.reactions).toHaveLength(limits.reactionsPerMessageMax - 1);
  });

  it('a member who left may not change anything; a reply must answer a message of the same room', async () => {
    const { deps, ann, bob, room, message } = await setup();
    const other = await createRoom(deps, bob, { name: 'elsewhere', topic: '', visibility: 'public' });
    await expect(postMessage(deps, bob, { roomId: other.id, text: 'x', clientId: 'b2', replyTo: message.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await leaveRoom(deps, bob, room.id);
    await expect(reactToMessage(deps, bob, { roomId: room.id, messageId: message.id, emoji: '👍' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const answered = await postMessage(deps, ann, { roomId: room.id, text: 'to myself', clientId: 'a2', replyTo: message.id });
    expect(answered.message.replyTo).toMatchObject({ id: message.id, excerpt: 'first', deleted: false });
  });
});
