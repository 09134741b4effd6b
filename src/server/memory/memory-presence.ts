import type { PresenceTracker } from '../core/presence/ports.js';

/** Presence for a single process. A shared tracker (Redis) replaces it when processes are several. */
export class MemoryPresence implements PresenceTracker {
  private readonly socketsByUser = new Map<string, Set<string>>();

  async socketConnected(userId: string, socketId: string): Promise<boolean> {
    let sockets = this.socketsByUser.get(userId);
    if (!sockets) this.socketsByUser.set(userId, (sockets = new Set()));
    sockets.add(socketId);
    return sockets.size === 1;
  }

  async socketDisconnected(userId: string, socketId: string): Promise<boolean> {
    const sockets = this.socketsByUser.get(userId);
    if (!sockets?.delete(socketId)) return false;
    if (sockets.size > 0) return false;
    this.socketsByUser.delete(userId);
    return true;
  }

  async onlineAmong(userIds: readonly string[]): Promise<Set<string>> {
    return new Set(userIds.filter((id) => this.socketsByUser.has(id)));
  }
}
