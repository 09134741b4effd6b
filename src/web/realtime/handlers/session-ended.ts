import { fetchMe } from '../../http/endpoints.js';
import { chat } from '../../store.js';
import type { SessionControl } from '../session-control.js';

/**
 * This socket's session ended (logged out elsewhere, "Sign out everywhere", a reset, expiry, or
 * the guest became an account in another tab). The cookie may already hold a newer session of the
 * same person: then this tab carries on with it; otherwise back to the landing page.
 */
export function onSessionEnded(session: SessionControl): void {
  const me = chat.getState().me;
  fetchMe().then(
    (current) => {
      if (current !== null && current.user.id === me?.id) session.resume(current.user);
      else session.signedOut();
    },
    () => session.signedOut(),
  );
}
