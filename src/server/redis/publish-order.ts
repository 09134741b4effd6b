interface RoomOrder {
  /** The highest seq this process has published or seen published; undefined while it knows none. */
  last: number | undefined;
  parked: Map<number, () => void>;
  timer: NodeJS.Timeout | undefined;
  touchedAt: number;
}

export interface PublishOrderOptions {
  /** The longest a message waits for a predecessor this process expects. */
  maxWaitMs: number;
  /** The longest it waits in a room this process knows nothing of (just started, or the room was quiet). */
  graceMs: number;
  /** A room quiet this long has nothing in flight: forget it. */
  idleMs: number;
}

/**
 * Puts a room's message:created broadcasts into the shared stream in seq order. Two processes that
 * commit seq s-1 and s a moment apart would otherwise race to publish, and every socket would see
 * s before s-1. So a process publishes s only once it has seen s-1 (published by itself, or read
 * from the stream); every process reads every broadcast, so each knows each active room's last
 * seq. A predecessor that never shows (its process died between commit and publish, or Redis lost
 * it) holds the room back for at most maxWaitMs; clients catch up by seq after a reconnect anyway.
 */
export class PublishOrder {
  private readonly rooms = new Map<string, RoomOrder>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: PublishOrderOptions = { maxWaitMs: 1_000, graceMs: 50, idleMs: 60 * 60_000 }) {
    this.sweeper = setInterval(() => this.forgetIdle(), 60_000);
    this.sweeper.unref();
  }

  /** Runs `publish` now, or once seq-1 has been seen (or the wait is over). */
  publish(roomId: string, seq: number, publish: () => void): void {
    let room = this.rooms.get(roomId);
    const last = room?.last;
    if (seq === 1 || (last !== undefined && seq <= last + 1)) {
      publish();
      this.seen(roomId, seq);
      return;
    }
    if (!room) this.rooms.set(roomId, (room = { last: undefined, parked: new Map(), timer: undefined, touchedAt: 0 }));
    room.touchedAt = Date.now();
    room.parked.set(seq, publish);
    const wait = last === undefined ? this.options.graceMs : this.options.maxWaitMs;
    const parked = room;
    parked.timer ??= setTimeout(() => this.giveUp(parked), wait);
  }

  /** Another process published seq (or this one did). */
  seen(roomId: string, seq: number): void {
    let room = this.rooms.get(roomId);
    if (!room) this.rooms.set(roomId, (room = { last: seq, parked: new Map(), timer: undefined, touchedAt: 0 }));
    room.touchedAt = Date.now();
    let last = Math.max(room.last ?? seq, seq);
    for (let next = room.parked.get(last + 1); next; next = room.parked.get(last + 1)) {
      room.parked.delete(++last);
      next();
    }
    room.last = last;
    if (room.parked.size === 0) {
      clearTimeout(room.timer);
      room.timer = undefined;
    }
  }

  /**
   * Redis is back after an outage. A predecessor published into it may be gone for good (a Redis
   * restarted without persistence forgets its stream), and waiting for it would hold the room's
   * live delivery back for maxWaitMs, on every process in turn. So: publish what is held, in order,
   * and forget what was known; clients catch up by seq after the outage anyway (watch-cluster.ts).
   */
  forget(): void {
    for (const room of this.rooms.values()) this.giveUp(room);
    this.rooms.clear();
  }

  close(): void {
    clearInterval(this.sweeper);
    this.forget();
  }

  private giveUp(room: RoomOrder): void {
    clearTimeout(room.timer);
    room.timer = undefined;
    for (const seq of [...room.parked.keys()].sort((a, b) => a - b)) {
      room.parked.get(seq)?.();
      room.last = Math.max(room.last ?? seq, seq);
    }
    room.parked.clear();
  }

  private forgetIdle(): void {
    const before = Date.now() - this.options.idleMs;
    for (const [roomId, room] of this.rooms) if (room.parked.size === 0 && room.touchedAt < before) this.rooms.delete(roomId);
  }
}
