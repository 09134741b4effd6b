import { describe, expect, it } from 'vitest';
import { type ChatAction, chatReducer, initialChatState } from './chat-reducer.js';
import { ann, bob, message, messages, room } from './fixtures.js';
import type { ChatState, RoomView } from './types.js';
import type { Attention, Message } from '../../contract/index.js';

const at = '2025-01-01T10:30:00.000Z';
const run = (...actions: ChatAction[]): ChatState =>
  actions.reduce(chatReducer, chatReducer(initialChatState, { type: 'session/changed', me: ann }));
const kitchen = (state: ChatState): RoomView => state.rooms['r-1']!;
const joined = (from: number, to: number, hasMore = false): ChatAction => ({
  type: 'room/joined',
  join: { room: room({ lastSeq: to }), online: [bob, ann], messages: messages(from, to), hasMore },
  mode: 'initial',
});

describe('joining a room', () => {
  it('shows the newest page, the online list sorted by name, and makes the room one of mine', () => {
    const state = run(joined(51, 100, true));
    expect(kitchen(state).messages).toHaveLength(50);
    expect(kitchen(state).hasOlder).toBe(true);
    expect(kitchen(state).online.map((u) => u.username)).toEqual(['Ann', 'Bob']);
    expect(state.myRoomIds).toEqual(['r-1']);
  });

  it('keeps older pages when a catch-up arrives, without repeating a message', () => {
    const state = run(joined(51, 100, true), {
      type: 'room/joined',
      join: { room: room({ lastSeq: 102 }), online: [ann], messages: messages(99, 102), hasMore: false },
      mode: 'catchUp',
    });
    expect(kitchen(state).messages.map((m) => m.seq)).toEqual([...Array(52).keys()].map((i) => i + 51));
    expect(kitchen(state).hasOlder).toBe(true);
  });
});

describe('sending', () => {
  const sending: ChatAction = {
    type: 'message/sending',
    pending: { clientId: 'c1', roomId: 'r-1', text: 'hello', createdAt: at, status: 'pending' },
  };

  it('shows the message as pending until the broadcast confirms it', () => {
    const state = run(joined(1, 2), sending);
    expect(kitchen(state).pending).toHaveLength(1);
    const confirmed = run(joined(1, 2), sending, { type: 'message/created', message: message(3, ann, { clientId: 'c1' }) });
    expect(kitchen(confirmed).pending).toHaveLength(0);
    expect(kitchen(confirmed).messages.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('marks a failed send and lets it be retried with the same clientId', () => {
    const failed = run(joined(1, 2), sending, {
      type: 'message/failed',
      roomId: 'r-1',
      clientId: 'c1',
      error: { code: 'INTERNAL', message: 'boom' },
    });
    expect(kitchen(failed).pending[0]).toMatchObject({ clientId: 'c1', status: 'failed' });
    const retried = chatReducer(failed, { type: 'message/retrying', roomId: 'r-1', clientId: 'c1' });
    expect(kitchen(retried).pending[0]).toMatchObject({ clientId: 'c1', status: 'pending' });
  });

  it('settles a pending message confirmed by a catch-up after a reconnect', () => {
    const state = run(joined(1, 2), sending, {
      type: 'room/joined',
      join: { room: room(), online: [], messages: [message(3, ann, { clientId: 'c1' })], hasMore: false },
      mode: 'catchUp',
    });
    expect(kitchen(state).pending).toHaveLength(0);
  });
});

describe('unread and mention counts', () => {
  const other = room({ id: 'r-2', name: 'Garden' });
  const inGarden = (seq: number, author = bob, overrides: Partial<Message> = {}): ChatAction => ({
    type: 'message/created',
    message: message(seq, author, { roomId: 'r-2', ...overrides }),
  });
  const told = (attention: Partial<Attention>): ChatAction => ({
    type: 'attention/changed',
    attention: { roomId: 'r-2', readSeq: 0, unread: 0, mentions: 0, level: 'all', levelChosen: false, muted: false, ...attention },
  });
  const base = (): ChatAction[] => [
    { type: 'rooms/listed', rooms: [room(), other], memberIds: ['r-1', 'r-2'] },
    told({ readSeq: 0 }),
    { type: 'room/opened', roomId: 'r-1' },
  ];
  const garden = (state: ChatState) => state.rooms['r-2']!.attention;

  it("starts from the server's counts and adds others' new messages once each; mentions of me or everyone count apart", () => {
    const mentionsMe = { mentions: [{ kind: 'user' as const, id: ann.id, username: ann.username }] };
    const state = run(
      ...base(),
      inGarden(1),
      inGarden(2, bob, mentionsMe),
      inGarden(2),
      inGarden(3, ann),
      inGarden(4, bob, { mentions: [{ kind: 'room' }] }),
    );
    expect(garden(state)).toMatchObject({ unread: 3, mentions: 2 });
    expect(kitchen(state).attention.unread).toBe(0);
  });

  it('the server has the last word: a read elsewhere replaces the counts, and later messages count from there', () => {
    const state = run(...base(), inGarden(1), inGarden(2), told({ readSeq: 2, unread: 0 }), inGarden(3));
    expect(garden(state)).toMatchObject({ readSeq: 2, unread: 1 });
  });

  it('a deleted message that counted stops counting', () => {
    const state = run(...base(), inGarden(1), {
      type: 'message/changed',
      message: message(1, bob, { roomId: 'r-2', deletedAt: at, text: '' }),
    });
    expect(garden(state).unread).toBe(0);
  });

  it('opening a room with unread messages puts "New messages" after the read position, until the room is left', () => {
    let state = run(...base(), told({ readSeq: 3, unread: 2 }), { type: 'room/opened', roomId: 'r-2' });
    expect(state.rooms['r-2']!.unreadAfterSeq).toBe(3);
    state = chatReducer(state, told({ readSeq: 5, unread: 0 }));
    expect(state.rooms['r-2']!.unreadAfterSeq).toBe(3);
    state = chatReducer(state, { type: 'room/opened', roomId: 'r-1' });
    expect(state.rooms['r-2']!.unreadAfterSeq).toBeNull();
  });
});

describe('typing', () => {
  it('keeps who types per room, once each, not me, and forgets them when their message arrives', () => {
    let state = run(
      { type: 'rooms/listed', rooms: [room()], memberIds: ['r-1'] },
      { type: 'typing/started', roomId: 'r-1', user: bob, at: 1 },
      { type: 'typing/started', roomId: 'r-1', user: bob, at: 2 },
      { type: 'typing/started', roomId: 'r-1', user: ann, at: 2 },
    );
    expect(state.typing['r-1']).toEqual([{ user: bob, at: 2 }]);
    state = chatReducer(state, { type: 'message/created', message: message(1, bob) });
    expect(state.typing['r-1']).toEqual([]);
  });
});

describe('members', () => {
  const event = (user = bob, memberCount = 3) => ({ roomId: 'r-1', user, memberCount });

  it('adds an "entered" notice and updates the member count', () => {
    const state = run(joined(1, 2), { type: 'member/changed', event: event(), joined: true, at });
    expect(kitchen(state).room.memberCount).toBe(3);
    expect(kitchen(state).notices.map((n) => [n.text, n.afterSeq])).toEqual([['Bob entered the room', 2]]);
  });

  it('takes someone who left off the online list', () => {
    const state = run(joined(1, 2), { type: 'member/changed', event: event(bob, 1), joined: false, at });
    expect(kitchen(state).online.map((u) => u.username)).toEqual(['Ann']);
    expect(kitchen(state).notices[0]!.text).toBe('Bob left the room');
  });

  it('drops the room from my list when I leave it elsewhere', () => {
    const state = run(joined(1, 2), { type: 'member/changed', event: event(ann, 1), joined: false, at });
    expect(state.myRoomIds).toEqual([]);
    expect(kitchen(state).notices).toEqual([]);
  });

  it('follows presence', () => {
    const carl = { ...bob, id: 'u-carl', username: 'carl' };
    const state = run(joined(1, 2), { type: 'presence/changed', event: { roomId: 'r-1', user: carl, online: true } });
    expect(kitchen(state).online.map((u) => u.username)).toEqual(['Ann', 'Bob', 'carl']);
    const gone = chatReducer(state, { type: 'presence/changed', event: { roomId: 'r-1', user: bob, online: false } });
    expect(kitchen(gone).online.map((u) => u.username)).toEqual(['Ann', 'carl']);
  });
});

describe('the room list', () => {
  it('keeps rooms I belong to and the directory from GET /api/rooms', () => {
    const priv = room({ id: 'r-3', visibility: 'private' });
    const state = run({ type: 'rooms/listed', rooms: [room(), priv], memberIds: ['r-3', 'gone'] });
    expect(state.myRoomIds).toEqual(['r-3']);
    expect(state.directory).toHaveLength(2);
  });

  it('pages the directory: a cursor shows there is more, the next page is added once, the last page ends it', () => {
    const first = run({ type: 'rooms/listed', rooms: [room()], memberIds: [], nextCursor: 'c1' });
    expect(first.directoryCursor).toBe('c1');
    const more = chatReducer(first, { type: 'directory/more', rooms: [room(), room({ id: 'r-9', name: 'attic' })] });
    expect(more.directory.map((r) => r.id)).toEqual(['r-1', 'r-9']);
    expect(more.rooms['r-9']?.room.name).toBe('attic');
    expect(more.directoryCursor).toBeNull();
  });
});

describe('reactions a broadcast carries', () => {
  const reacted = (change: number, reactions: { emoji: string; count: number; me: boolean }[], by?: string): ChatAction => ({
    type: 'message/changed',
    message: { ...message(3), change, reactions },
    ...(by === undefined ? {} : { by }),
  });
  const reactionsOf3 = (state: ChatState) => kitchen(state).messages.find((m) => m.seq === 3)?.reactions;

  it('are marked as their changer sees them: this reader keeps its own marks unless it made the change', () => {
    const mine = run(joined(1, 5), reacted(6, [{ emoji: '👍', count: 1, me: true }]));
    expect(reactionsOf3(mine)).toEqual([{ emoji: '👍', count: 1, me: true }]);
    // Bob adds his 👍 and a 🎉: in his broadcast both are his; Ann's 👍 stays hers, the 🎉 is not.
    const bobs = reacted(
      7,
      [
        { emoji: '👍', count: 2, me: true },
        { emoji: '🎉', count: 1, me: true },
      ],
      bob.id,
    );
    expect(reactionsOf3(run(joined(1, 5), reacted(6, [{ emoji: '👍', count: 1, me: true }]), bobs))).toEqual([
      { emoji: '👍', count: 2, me: true },
      { emoji: '🎉', count: 1, me: false },
    ]);
    // Ann's own change from another tab arrives as a broadcast by her: taken as it is.
    expect(reactionsOf3(run(joined(1, 5), reacted(6, [{ emoji: '🎉', count: 1, me: true }], ann.id)))).toEqual([
      { emoji: '🎉', count: 1, me: true },
    ]);
  });
});

describe('people', () => {
  const direct = room({ id: 'd-1', kind: 'direct', name: '', participants: [ann, bob], lastActivityAt: '2025-01-01T09:00:00.000Z' });

  it('knows who of the direct conversations’ people is online, from the list and then from presence', () => {
    const listed = run({ type: 'rooms/listed', rooms: [direct], memberIds: ['d-1'], online: [bob.id] });
    expect(listed.peopleOnline).toEqual({ [bob.id]: true });
    const gone = chatReducer(listed, { type: 'presence/changed', event: { roomId: 'd-1', user: bob, online: false } });
    expect(gone.peopleOnline[bob.id]).toBe(false);
    expect(chatReducer(gone, { type: 'rooms/listed', rooms: [direct], memberIds: ['d-1'], online: [bob.id] }).peopleOnline[bob.id]).toBe(
      true,
    );
  });

  it('a new message moves its conversation’s activity forward; an older copy does not move it back', () => {
    const listed = run({ type: 'rooms/listed', rooms: [direct], memberIds: ['d-1'] });
    const later = message(1, bob, { roomId: 'd-1', createdAt: '2025-01-02T08:00:00.000Z' });
    const moved = chatReducer(listed, { type: 'message/created', message: later });
    expect(moved.rooms['d-1']!.room.lastActivityAt).toBe('2025-01-02T08:00:00.000Z');
    const older = message(2, bob, { roomId: 'd-1', createdAt: '2025-01-01T12:00:00.000Z' });
    expect(chatReducer(moved, { type: 'message/created', message: older }).rooms['d-1']!.room.lastActivityAt).toBe(
      '2025-01-02T08:00:00.000Z',
    );
  });

  it('blocks: listed, added once, removed; a profile opens and closes', () => {
    const state = run(
      { type: 'blocks/listed', userIds: ['x'] },
      { type: 'person/blocked', userId: bob.id, blocked: true },
      { type: 'person/blocked', userId: bob.id, blocked: true },
      { type: 'person/blocked', userId: 'x', blocked: false },
      { type: 'profile/opened', userId: bob.id },
    );
    expect(state.blockedIds).toEqual([bob.id]);
    expect(state.profileUserId).toBe(bob.id);
    expect(chatReducer(state, { type: 'profile/opened', userId: null }).profileUserId).toBeNull();
  });
});
