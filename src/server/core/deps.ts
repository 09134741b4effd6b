import type { Broadcaster, Clock, Ids, MessageStore, PresenceTracker, RateLimiter, RoomStore, SessionStore, UserStore } from './ports.js';
import type { RateRules } from './rate-rules.js';

/** Everything a use case may touch, handed in by the composition root. */
export interface CoreDeps {
  users: UserStore;
  sessions: SessionStore;
  rooms: RoomStore;
  messages: MessageStore;
  presence: PresenceTracker;
  broadcast: Broadcaster;
  limiter: RateLimiter;
  rateRules: RateRules;
  ids: Ids;
  clock: Clock;
  sessionTtlMs: number;
}
