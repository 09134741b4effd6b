import { fetchMe } from '../../http/endpoints.js';
import { endSession, signedOutNotice, startSession } from '../../session.js';
import { chat } from '../../store.js';

/**
 * This socket's session ended (logged out elsewhere, "Sign out everywhere", a reset, expiry, or
 * the guest became an account in another tab). The cookie may already hold a newer session of the
 * same person: then this tab carries on with it; otherwise back to the landing page.
 */
export function onSessionEnded(): void {
  const me = chat.getState().me;
  fetchMe().then(
    (current) => {
      if (current !== null && current.user.id === me?.id) startSession(current.user);
      else endSession({ notice: signedOutNotice });
    },
    () => endSession({ notice: signedOutNotice }),
  );
}
