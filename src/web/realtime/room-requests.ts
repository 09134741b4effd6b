/**
 * What this tab has under way per room: a first join (shared by every caller that asks while it
 * runs), a catch-up (one at a time), and a leave it made itself (its own room:member_left echo
 * then needs no reaction). One per tab; cleared when the session ends, so a next session starts
 * with nothing owed.
 */
export class RoomRequests {
  private readonly joins = new Map<string, Promise<void>>();
  private readonly catchingUp = new Set<string>();
  private readonly leftHere = new Map<string, ReturnType<typeof setTimeout> | undefined>();

  joinOnce(roomId: string, join: () => Promise<void>): Promise<void> {
    const running = this.joins.get(roomId) ?? join().finally(() => this.joins.delete(roomId));
    this.joins.set(roomId, running);
    return running;
  }

  /** Runs `catchUp` unless one is already running for the room. */
  async catchUpOnce(roomId: string, catchUp: () => Promise<void>): Promise<void> {
    if (this.catchingUp.has(roomId)) return;
    this.catchingUp.add(roomId);
    try {
      await catchUp();
    } finally {
      this.catchingUp.delete(roomId);
    }
  }

  /** From now until `forgetLeaving`, this tab is leaving the room. */
  leaving(roomId: string): void {
    clearTimeout(this.leftHere.get(roomId));
    this.leftHere.set(roomId, undefined);
  }

  forgetLeaving(roomId: string, afterMs: number): void {
    this.leftHere.set(
      roomId,
      setTimeout(() => this.leftHere.delete(roomId), afterMs),
    );
  }

  wasLeftHere(roomId: string): boolean {
    return this.leftHere.has(roomId);
  }

  clear(): void {
    this.joins.clear();
    this.catchingUp.clear();
    for (const timer of this.leftHere.values()) clearTimeout(timer);
    this.leftHere.clear();
  }
}

export const roomRequests = new RoomRequests();
