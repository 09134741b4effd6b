import { endSession, signedOutNotice } from '../../session.js';

/** Logged out elsewhere (another tab, "Sign out everywhere", a password reset): back to the landing page. */
export function onSessionEnded(): void {
  endSession({ notice: signedOutNotice });
}
