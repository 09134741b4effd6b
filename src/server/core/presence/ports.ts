/** Who is online: one process's memory, or Redis across several. */

/**
 * Users who came or went without a socket event here: a process died with their last sockets, or
 * put its sockets back after the shared store had lost them.
 */
export interface PresenceChange {
  userIds: string[];
  online: boolean;
}

export interface PresenceTracker {
  /** true when this is the user's first connected socket. */
  socketConnected(userId: string, socketId: string): Promise<boolean>;
  /** true when this was the user's last connected socket. */
  socketDisconnected(userId: string, socketId: string): Promise<boolean>;
  onlineAmong(userIds: readonly string[]): Promise<Set<string>>;
  /** Shared trackers only: changes found by sweeping (a dead process) rather than by a socket event. */
  onChange?(listener: (change: PresenceChange) => void): void;
}
