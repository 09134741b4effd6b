import { endSession } from '../../session.js';

/** Logged out (here or in another tab): the server disconnects; this tab returns to the landing page. */
export function onSessionEnded(): void {
  endSession();
}
