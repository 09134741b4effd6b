import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PublishOrder } from '../../src/server/redis/publish-order.js';

describe('publishing a room’s messages in seq order across processes', () => {
  let order: PublishOrder;
  let published: number[];
  const publish = (seq: number) => order.publish('room', seq, () => published.push(seq));
  beforeEach(() => {
    vi.useFakeTimers();
    order = new PublishOrder({ maxWaitMs: 1_000, graceMs: 50, idleMs: 60_000 });
    published = [];
  });
  afterEach(() => {
    order.close();
    vi.useRealTimers();
  });

  it('publishes at once when the predecessor is known to be out', () => {
    publish(1);
    publish(2);
    order.seen('room', 3);
    publish(4);
    expect(published).toEqual([1, 2, 4]);
  });

  it('holds a message until another process’s predecessor is seen, then releases the chain in order', () => {
    order.seen('room', 4);
    publish(6);
    publish(7);
    expect(published).toEqual([]);
    order.seen('room', 5);
    expect(published).toEqual([6, 7]);
    publish(8);
    expect(published).toEqual([6, 7, 8]);
  });

  it('gives up waiting for a predecessor that never shows, and publishes what it held in order', () => {
    order.seen('room', 1);
    publish(4);
    publish(3);
    vi.advanceTimersByTime(999);
    expect(published).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(published).toEqual([3, 4]);
    publish(5);
    expect(published).toEqual([3, 4, 5]);
  });

  it('in a room it knows nothing of, publishes seq 1 at once and waits only briefly for any other predecessor', () => {
    order.publish('new room', 1, () => published.push(1));
    order.publish('quiet room', 41, () => published.push(41));
    expect(published).toEqual([1]);
    vi.advanceTimersByTime(50);
    expect(published).toEqual([1, 41]);
  });

  it('once Redis is back, publishes what it held at once and no longer waits for a predecessor lost with it', () => {
    order.seen('room', 23);
    publish(25);
    order.forget();
    expect(published).toEqual([25]);
    publish(27);
    vi.advanceTimersByTime(50);
    expect(published).toEqual([25, 27]);
  });

  it('keeps rooms apart', () => {
    order.seen('room', 1);
    publish(3);
    order.publish('other', 1, () => published.push(-1));
    expect(published).toEqual([-1]);
  });
});
