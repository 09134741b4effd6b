import type { PresenceEvent } from '../../contract/events.js';

interface Slot {
  /** What the room last heard about this user. */
  sent: boolean;
  /** The newest state, waiting for the window to end. */
  pending?: PresenceEvent;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * Presence is announced to every member of a room, so one user's socket flapping in a 1,000-member
 * room would cost 1,000 deliveries per flap. Per room and user, at most one change goes out per
 * window: the first at once, later ones as the newest state when the window ends, and nothing at
 * all when the user ends the window as the room last heard (online → offline → online).
 */
export class PresenceCoalescer {
  private readonly slots = new Map<string, Slot>();

  constructor(
    private readonly emit: (event: PresenceEvent) => void,
    private readonly windowMs = 1_000,
  ) {}

  announce(event: PresenceEvent): void {
    const key = `${event.roomId}\u0000${event.user.id}`;
    const slot = this.slots.get(key);
    if (!slot) {
      this.emit(event);
      this.slots.set(key, { sent: event.online, timer: this.closeWindowLater(key) });
      return;
    }
    slot.pending = event;
  }

  private closeWindowLater(key: string): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => this.closeWindow(key), this.windowMs);
    timer.unref();
    return timer;
  }

  private closeWindow(key: string): void {
    const slot = this.slots.get(key);
    if (!slot) return;
    const pending = slot.pending;
    if (!pending || pending.online === slot.sent) {
      this.slots.delete(key);
      return;
    }
    this.emit(pending);
    this.slots.set(key, { sent: pending.online, timer: this.closeWindowLater(key) });
  }

  /** Sends what is still waiting (a clean shutdown). */
  flush(): void {
    for (const [key, slot] of this.slots) {
      clearTimeout(slot.timer);
      if (slot.pending && slot.pending.online !== slot.sent) this.emit(slot.pending);
      this.slots.delete(key);
    }
  }
}
