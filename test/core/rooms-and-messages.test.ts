import { describe, expect, it } from 'vitest';
import { createRoom } from '../../src/server/core/rooms/create-room.js';
import { openRoom } from '../../src/server/core/rooms/open-room.js';
import { joinRoomByCode, joinRoomByName } from '../../src/server/core/rooms/join-by-code-or-name.js';
import { leaveRoom } from '../../src/server/core/rooms/leave-room.js';
import { postMessage } from '../../src/server/core/messages/post-message.js';
import { socketClosed, socketOpened } from '../../src/server/core/presence/presence.js';
import { endSession, startGuestSession, userForToken } from '../../src/server/core/accounts/sessions.js';
import { fakeDeps, type Step } from './fakes.js';

async function setup() {
  const log: Step[] = [];
  const deps = fakeDeps(log);
  const ann = (await startGuestSession(deps, 'Ann', '1.1.1.1')).user;
  const bob = (await startGuestSession(deps, 'Bob', '1.1.1.1')).user;
  return { deps, log, ann, bob };
}

describe('core rules', () => {
  it('a name taken in another case is refused with CONFLICT', async () => {
    const { deps } = await setup();
    await expect(startGuestSession(deps, 'ANN', '1.1.1.1')).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a session token works until the session ends, and ending it disconnects its sockets', async () => {
    const { deps, log } = await setup();
    const { token, user } = await startGuestSession(deps, 'Cleo', '1.1.1.1');
    expect(await userForToken(deps, token)).toEqual(user);
    await endSession(deps, token);
    expect(await userForToken(deps, token)).toBeUndefined();
    expect(log).toContainEqual(['disconnectSession', `hash:${token}`]);
  });

  it('a new member is subscribed before the room hears of them; a repeat join announces nothing', async () => {
    const { deps, log, ann, bob } = await setup();
    const room = await createRoom(deps, ann, { name: 'r', topic: '', visibility: 'private' });
    log.length = 0;
    await joinRoomByCode(deps, bob, room.code, 'addr');
    await joinRoomByCode(deps, bob, room.code, 'addr');
    expect(log).toEqual([
      ['subscribe', bob.id, room.id],
      ['toRoom', room.id, 'room:member_joined', { roomId: room.id, user: bob, memberCount: 2 }],
    ]);
  });

  it('a leaver is unsubscribed before the room hears they left', async () => {
    const { deps, log, ann, bob } = await setup();
    const room = await joinRoomByName(deps, ann, 'square');
    await joinRoomByName(deps, bob, 'SQUARE');
    log.length = 0;
    await leaveRoom(deps, bob, room.id);
    expect(log.map((step) => step.slice(0, 3))).toEqual([
      ['unsubscribe', bob.id, room.id],
      ['toRoom', room.id, 'room:member_left'],
      ['toUser', bob.id, 'room:member_left'],
    ]);
  });

  it('a non-member may not write in a public room, and may not even see a private one', async () => {
    const { deps, ann, bob } = await setup();
    const open = await createRoom(deps, ann, { name: 'open', topic: '', visibility: 'public' });
    const closed = await createRoom(deps, ann, { name: 'closed', topic: '', visibility: 'private' });
    await expect(postMessage(deps, bob, { roomId: open.id, text: 'hi', clientId: 'a' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(postMessage(deps, bob, { roomId: closed.id, text: 'hi', clientId: 'b' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(openRoom(deps, bob, 'socket-b', closed.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('opening a room subscribes the socket after the access check and before the page is read', async () => {
    const { deps, ann, bob } = await setup();
    const closed = await createRoom(deps, ann, { name: 'closed', topic: '', visibility: 'private' });
    const steps: string[] = [];
    const pageMessages = deps.messages.pageMessages;
    deps.messages.pageMessages = async (...args) => {
      steps.push('read page');
      return pageMessages(...args);
    };
    deps.broadcast.subscribeSocket = async (socketId, roomId) => void steps.push(`subscribe ${socketId} to ${roomId}`);
    await expect(openRoom(deps, bob, 'socket-b', closed.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(steps).toEqual([]);
    await openRoom(deps, ann, 'socket-a', closed.id, { afterSeq: 0 });
    expect(steps).toEqual([`subscribe socket-a to ${closed.id}`, 'read page']);
  });

  it('opening a public room makes one a member; a repeated clientId is stored and delivered once', async () => {
    const { deps, log, ann, bob } = await setup();
    const room = await createRoom(deps, ann, { name: 'open', topic: '', visibility: 'public' });
    const entry = await openRoom(deps, bob, 'socket-b', room.id);
    expect(entry.room.memberCount).toBe(2);
    log.length = 0;
    const first = await postMessage(deps, bob, { roomId: room.id, text: 'hi', clientId: 'same' });
    const again = await postMessage(deps, bob, { roomId: room.id, text: 'hi', clientId: 'same' });
    expect(again).toEqual({ ...first, created: false });
    expect(first).toMatchObject({ created: true, memberCount: 2 });
    expect(log).toEqual([['toRoom', room.id, 'message:created', { message: first.message }]]);
  });

  it('presence is announced on the first socket and the last, not in between', async () => {
    const { deps, log, ann } = await setup();
    const room = await createRoom(deps, ann, { name: 'p', topic: '', visibility: 'public' });
    log.length = 0;
    await socketOpened(deps, ann, 's1');
    await socketOpened(deps, ann, 's2');
    await socketClosed(deps, ann, 's1');
    await socketClosed(deps, ann, 's2');
    expect(log).toEqual([
      ['toRoom', room.id, 'room:presence', { roomId: room.id, user: ann, online: true }],
      ['toRoom', room.id, 'room:presence', { roomId: room.id, user: ann, online: false }],
    ]);
  });

  it('message sends beyond the rate limit are refused with retryAfterMs', async () => {
    const { deps, ann } = await setup();
    const room = await createRoom(deps, ann, { name: 'flood', topic: '', visibility: 'public' });
    const { limit } = deps.rateRules.sendMessage;
    for (let i = 0; i < limit; i++) await postMessage(deps, ann, { roomId: room.id, text: `m${i}`, clientId: `c${i}` });
    await expect(postMessage(deps, ann, { roomId: room.id, text: 'one more', clientId: 'x' })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      extra: { retryAfterMs: expect.any(Number) },
    });
  });
});
