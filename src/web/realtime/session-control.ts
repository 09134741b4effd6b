import type { User } from '../../contract/index.js';

/** What the handlers may ask of the session that owns the socket. */
export interface SessionControl {
  /** Carry on as this user (the cookie holds a newer session of the same person). */
  resume(me: User): void;
  /** The session is over: back to the landing page, saying so. */
  signedOut(): void;
}
