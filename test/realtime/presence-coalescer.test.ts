import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PresenceEvent } from '../../src/contract/events.js';
import { PresenceCoalescer } from '../../src/server/realtime/presence-coalescer.js';

const ann = { id: 'u1', username: 'Ann', kind: 'guest' as const, createdAt: '2026-12-01T00:00:00.000Z' };
const change = (online: boolean, roomId = 'r1'): PresenceEvent => ({ roomId, user: ann, online });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('presence changes are coalesced per room and user', () => {
  it('a socket flapping 100 times in a second sends at most two changes, and the room ends up right', () => {
    const sent: PresenceEvent[] = [];
    const coalescer = new PresenceCoalescer((e) => sent.push(e), 1_000);
    for (let i = 0; i < 100; i++) {
      coalescer.announce(change(i % 2 === 0));
      vi.advanceTimersByTime(10);
    }
    coalescer.announce(change(false));
    vi.advanceTimersByTime(5_000);
    expect(sent.length).toBeLessThanOrEqual(3);
    expect(sent[0]?.online).toBe(true);
    expect(sent.at(-1)?.online).toBe(false);
  });

  it('online, offline, online within the window sends only the first', () => {
    const sent: PresenceEvent[] = [];
    const coalescer = new PresenceCoalescer((e) => sent.push(e), 1_000);
    coalescer.announce(change(true));
    coalescer.announce(change(false));
    coalescer.announce(change(true));
    vi.advanceTimersByTime(2_000);
    expect(sent.map((e) => e.online)).toEqual([true]);
  });

  it('rooms and users are coalesced apart, and a quiet user is announced at once', () => {
    const sent: PresenceEvent[] = [];
    const coalescer = new PresenceCoalescer((e) => sent.push(e), 1_000);
    coalescer.announce(change(true, 'r1'));
    coalescer.announce(change(true, 'r2'));
    expect(sent).toHaveLength(2);
    vi.advanceTimersByTime(1_000);
    coalescer.announce(change(false, 'r1'));
    expect(sent).toHaveLength(3);
  });
});
