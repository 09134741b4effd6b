import { describe, expect, it } from 'vitest';
import { ann, bob, message, messages, room } from './fixtures.js';
import { emptyRoomView } from './room-view.js';
import { buildTimeline, shiftedFirstIndex } from './timeline.js';
import type { RoomView } from './types.js';

const day = (): string => '2025-01-01';
const view = (overrides: Partial<RoomView>): RoomView => ({ ...emptyRoomView(room()), ...overrides });

describe('the timeline', () => {
  it('places a notice after the message it followed and pending sends last', () => {
    const items = buildTimeline(
      view({
        messages: messages(1, 3),
        notices: [{ id: 'n', afterSeq: 2, text: 'Bob entered the room', createdAt: '2025-01-01T10:00:02.500Z' }],
        pending: [{ clientId: 'p', roomId: 'r-1', text: 'hi', createdAt: '2025-01-01T10:01:00.000Z', status: 'pending' }],
      }),
      ann.id,
      day,
    );
    expect(items.map((i) => i.kind)).toEqual(['day', 'message', 'message', 'notice', 'message', 'pending']);
  });

  it('groups consecutive messages of one author and marks mine', () => {
    const items = buildTimeline(view({ messages: [message(1, bob), message(2, bob), message(3, ann)] }), ann.id, day);
    const shown = items.flatMap((i) => (i.kind === 'message' ? [[i.continued, i.mine]] : []));
    expect(shown).toEqual([
      [false, false],
      [true, false],
      [false, true],
    ]);
  });

  it('keeps the key of my message when its pending copy is confirmed', () => {
    const pending = buildTimeline(
      view({ pending: [{ clientId: 'c', roomId: 'r-1', text: 'x', createdAt: '2025-01-01T10:00:00.000Z', status: 'pending' }] }),
      ann.id,
      day,
    );
    const confirmed = buildTimeline(view({ messages: [message(1, ann, { clientId: 'c' })] }), ann.id, day);
    expect(pending.at(-1)!.key).toBe(confirmed.at(-1)!.key);
  });

  it('moves the first index back by the number of items loaded in front', () => {
    const before = buildTimeline(view({ messages: messages(51, 60) }), ann.id, day);
    const after = buildTimeline(view({ messages: messages(1, 60) }), ann.id, day);
    expect(shiftedFirstIndex(before, after, 100_000)).toBe(100_000 - 50);
    expect(shiftedFirstIndex(after, after, 99_950)).toBe(99_950);
  });
});

describe('folding blocked people', () => {
  it('folds a run of their messages into one line, broken by anyone else’s, and shows what was revealed', () => {
    const list = [message(1, bob), message(2, bob), message(3, ann), message(4, bob)];
    const blocked = (shown: string[]) => (m: { id: string; author: { id: string } }) => m.author.id === bob.id && !shown.includes(m.id);
    const items = buildTimeline(view({ messages: list }), ann.id, day, blocked([]));
    expect(items.map((i) => (i.kind === 'folded' ? `folded ${i.messageIds.join(',')}` : i.kind))).toEqual([
      'day',
      'folded m-1,m-2',
      'message',
      'folded m-4',
    ]);
    const revealed = buildTimeline(view({ messages: list }), ann.id, day, blocked(['m-1', 'm-2']));
    expect(revealed.map((i) => i.kind)).toEqual(['day', 'message', 'message', 'message', 'folded']);
  });
});
