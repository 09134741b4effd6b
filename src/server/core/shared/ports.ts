import type { PeopleStore } from '../people/ports.js';
import type { AttentionStore } from '../attention/ports.js';
import type { DigestStore, NotifyStore } from '../attention/notify/ports.js';
import type { ServerToClientEvents } from '../../../contract/events.js';
import type { ResetTokenStore, SessionStore, UserStore } from '../accounts/ports.js';
import type { MessageStore } from '../messages/ports.js';
import type { RoomStore } from '../rooms/ports.js';
import type { FileStore } from '../files/ports.js';
import type { PreviewStore } from '../previews/ports.js';

/**
 * What every concept's use cases share: delivery to sockets, rate limits, time and ids, and the
 * set of stores one storage adapter provides. Each concept's own ports live beside its use cases
 * (accounts/ports.ts, rooms/ports.ts, …). Adapters live outside the core; the core never imports
 * them. Every method is async so any adapter may be remote (PostgreSQL, Redis).
 */

/** Every store the app needs, as one storage adapter provides them. */
export interface Stores {
  users: UserStore;
  sessions: SessionStore;
  rooms: RoomStore;
  messages: MessageStore;
  resetTokens: ResetTokenStore;
  people: PeopleStore;
  attention: AttentionStore;
  notify: NotifyStore;
  digests: DigestStore;
  files: FileStore;
  previews: PreviewStore;
  /** Resolves when the database answers a trivial query: the readiness check. */
  ping(): Promise<void>;
}

type EventName = keyof ServerToClientEvents;

export type EventPayload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

export interface Broadcaster {
  toRoom<E extends EventName>(roomId: string, event: E, payload: EventPayload<E>): void;
  toUser<E extends EventName>(userId: string, event: E, payload: EventPayload<E>): void;
  /** Dropped for a socket that cannot take it now: for what the next one replaces (typing). */
  toRoomVolatile<E extends EventName>(roomId: string, event: E, payload: EventPayload<E>): void;
  /** One socket of this process starts receiving the room (it asked for the room's page). */
  subscribeSocket(socketId: string, roomId: string): Promise<void>;
  /** Every socket of the user starts receiving the room (a membership began). */
  subscribeUser(userId: string, roomId: string): Promise<void>;
  /** Every socket of the user stops receiving the room (a membership ended). */
  unsubscribeUser(userId: string, roomId: string): Promise<void>;
  disconnectUser(userId: string): Promise<void>;
  /** Disconnects the sockets opened with one session (its token hash). */
  disconnectSession(tokenHash: string): Promise<void>;
}

export interface RateRule {
  name: string;
  limit: number;
  windowMs: number;
}

export type RateVerdict = { ok: true } | { ok: false; retryAfterMs: number };

export interface RateLimiter {
  consume(rule: RateRule, key: string): Promise<RateVerdict>;
  /** Whether one more would be allowed, without counting it. */
  peek(rule: RateRule, key: string): Promise<RateVerdict>;
  /** Gives back one counted attempt (it turned out to be a success that should not count). */
  refund(rule: RateRule, key: string): Promise<void>;
  /** Forgets the key's count under the rule altogether. */
  reset(rule: RateRule, key: string): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export interface Ids {
  newId(): string;
  newRoomCode(length: number): string;
  newToken(): string;
  hashToken(token: string): string;
}
