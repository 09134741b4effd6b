import { describe, expect, it } from 'vitest';
import { ann, message, messages } from './fixtures.js';
import { hasGap, lastContiguousSeq, mergeMessages, settlePending } from './messages.js';
import type { PendingMessage } from './types.js';

const seqs = (list: { seq: number }[]): number[] => list.map((m) => m.seq);

describe('merging messages', () => {
  it('appends newer messages in seq order', () => {
    expect(seqs(mergeMessages(messages(1, 3), messages(4, 5)))).toEqual([1, 2, 3, 4, 5]);
  });

  it('puts an older page in front', () => {
    expect(seqs(mergeMessages(messages(51, 53), messages(1, 50)))).toEqual([...Array(53).keys()].map((i) => i + 1));
  });

  it('shows a message delivered twice only once', () => {
    const merged = mergeMessages(messages(1, 3), [message(2), message(3), message(4)]);
    expect(seqs(merged)).toEqual([1, 2, 3, 4]);
  });

  it('returns the same list when nothing is new, so nothing re-renders', () => {
    const existing = messages(1, 3);
    expect(mergeMessages(existing, [message(2)])).toBe(existing);
    expect(mergeMessages(existing, [])).toBe(existing);
  });

  it('sorts messages that arrive out of order', () => {
    expect(seqs(mergeMessages([message(5)], [message(3), message(4), message(1)]))).toEqual([1, 3, 4, 5]);
  });
});

describe('catching up', () => {
  it('catches up from the last seq without a hole before it', () => {
    expect(lastContiguousSeq([message(4), message(5), message(6), message(9)])).toBe(6);
    expect(lastContiguousSeq(messages(1, 3))).toBe(3);
    expect(lastContiguousSeq([])).toBe(0);
  });

  it('notices a hole left by a missed broadcast', () => {
    expect(hasGap([message(1), message(3)])).toBe(true);
    expect(hasGap(messages(1, 3))).toBe(false);
    expect(hasGap([])).toBe(false);
  });
});

describe('settling pending sends', () => {
  const pending = (clientId: string): PendingMessage => ({
    clientId,
    roomId: 'r-1',
    text: 'hi',
    createdAt: '2025-01-01T10:00:00.000Z',
    status: 'pending',
  });

  it('drops a pending message once the server confirms its clientId', () => {
    const confirmed = message(7, ann, { clientId: 'a' });
    expect(settlePending([pending('a'), pending('b')], [confirmed], ann.id).map((p) => p.clientId)).toEqual(['b']);
  });

  it("keeps it when another user's message happens to use the same clientId", () => {
    const other = message(7, undefined, { clientId: 'a' });
    const list = [pending('a')];
    expect(settlePending(list, [other], ann.id)).toBe(list);
  });
});
