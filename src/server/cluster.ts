import type { ServerOptions } from 'socket.io';
import type { PresenceTracker } from './core/presence/ports.js';
import type { RateLimiter } from './core/shared/ports.js';

/** What a connection to Redis reports, so the app can count, log and react. */
export interface ClusterListener {
  /** A connection failed, a publish was refused or a presence heartbeat failed: `source` says which. */
  error?(source: string, error: unknown): void;
  /** Every connection came back after an outage: packets may have been lost while it was away. */
  recovered?(): void;
}

/**
 * What several processes share (the Redis implementation is redis/connect-redis.ts): delivery
 * through a Socket.IO adapter, presence and rate-limit counters, and a way to know it is there.
 */
export interface Cluster {
  adapter: NonNullable<ServerOptions['adapter']>;
  presence: PresenceTracker;
  limiter: RateLimiter;
  /** Resolves when the shared store answers, rejects otherwise. */
  ping(): Promise<void>;
  /** Whether the connection is up right now; cheap enough to ask before every acknowledgement. */
  connected(): boolean;
  watch(listener: ClusterListener): void;
  close(): Promise<void>;
}
