import { describe, expect, it } from 'vitest';
import { planPushes, pushesPerMessageMax } from '../../src/server/core/attention/notify/plan-pushes.js';
import type { PushRecipient, WaitingMessage } from '../../src/server/core/attention/notify/ports.js';

const room = { roomId: 'r1', name: 'Kitchen', kind: 'room' as const, memberCount: 5 };
const message = (overrides: Partial<WaitingMessage> = {}): WaitingMessage => ({
  id: 'm1',
  seq: 7,
  authorId: 'ann',
  authorName: 'Ann',
  text: 'Dinner is ready',
  mentions: [],
  deleted: false,
  ...overrides,
});
const person = (userId: string, overrides: Partial<PushRecipient> = {}): PushRecipient => ({
  userId,
  readSeq: 0,
  level: 'default',
  muted: false,
  endpoints: [`https://push.example/${userId}`],
  ...overrides,
});
let ids = 0;
const make = { id: () => `d${++ids}`, now: '2026-12-02T10:00:00.000Z', publicUrl: 'https://chat.example.org/' };
const plan = (
  messages: WaitingMessage[],
  people: PushRecipient[],
  { away = () => true, blocks = () => false, kind = room.kind, memberCount = room.memberCount } = {} as {
    away?: (id: string) => boolean;
    blocks?: (a: string, b: string) => boolean;
    kind?: 'room' | 'direct';
    memberCount?: number;
  },
) => planPushes({ ...room, kind, memberCount }, messages, people, away, blocks, make);

describe('who is pushed to', () => {
  it('every browser of a person away, with what the service worker shows and where a click goes', () => {
    const [first, second] = plan([message()], [person('bob', { endpoints: ['https://a', 'https://b'] })]);
    expect([first?.endpoint, second?.endpoint]).toEqual(['https://a', 'https://b']);
    expect(JSON.parse(first!.payload)).toEqual({
      title: 'Ann in Kitchen',
      body: 'Dinner is ready',
      roomId: 'r1',
      messageId: 'm1',
      seq: 7,
      url: 'https://chat.example.org/rooms/r1?seq=7',
    });
  });

  it('never the author, someone online, someone who read it, a blocker, or a deleted message', () => {
    const people = [person('ann'), person('cleo'), person('dan', { readSeq: 7 }), person('eve')];
    const planned = plan([message(), message({ id: 'm2', seq: 8, deleted: true })], people, {
      away: (id) => id !== 'cleo',
      blocks: (id, author) => id === 'eve' && author === 'ann',
    });
    expect(planned).toEqual([]);
  });

  it('levels: a large room calls for mentions only, "nothing" and a mute never, @here never pushes', () => {
    const people = [person('bob'), person('cleo', { level: 'all' }), person('dan', { level: 'nothing' }), person('eve', { muted: true })];
    const plainInBigRoom = plan([message()], people, { memberCount: 21 });
    expect(plainInBigRoom.map((d) => d.userId)).toEqual(['cleo']);
    const named = plan([message({ mentions: [{ kind: 'user', id: 'bob', username: 'Bob' }, { kind: 'here' }] })], people, { memberCount: 21 });
    expect(named.map((d) => d.userId)).toEqual(['bob', 'cleo']);
    const everyone = plan([message({ mentions: [{ kind: 'room' }] })], people, { memberCount: 21 });
    expect(everyone.map((d) => d.userId)).toEqual(['bob', 'cleo']);
  });

  it('a direct conversation calls at "mentions only" too, and is titled by its author alone', () => {
    const [one] = plan([message()], [person('bob', { level: 'mentions' })], { kind: 'direct' });
    expect(JSON.parse(one!.payload).title).toBe('Ann');
  });

  it('at most a bounded number of browsers per message', () => {
    const many = Array.from({ length: pushesPerMessageMax + 50 }, (_, i) => person(`p${i}`));
    expect(plan([message({ mentions: [{ kind: 'room' }] })], many)).toHaveLength(pushesPerMessageMax);
  });
});
