import type { User } from '../contract/index.js';
import * as accounts from './http/accounts.js';
import * as api from './http/endpoints.js';
import { lastRoomOf } from './lib/last-room.js';
import { showNotice } from './notice.js';
import { connectRealtime } from './realtime/register.js';
import type { SessionControl } from './realtime/session-control.js';
import { roomRequests } from './realtime/room-requests.js';
import { restoreOutbox } from './outbox-sync.js';
import { refreshRooms } from './room-list.js';
import { loadBlocked } from './people.js';
import { closeSocket } from './realtime/socket.js';
import { navigate, roomPath } from './router.js';
import { chat } from './store.js';
import { subscribeToPush, unsubscribeFromPush } from './push.js';

const signedOutNotice = 'You were signed out';

/** What the socket's handlers may do to the session, handed to them so that they need not import it. */
const control: SessionControl = {
  resume: (me) => startSession(me),
  signedOut: () => endSession({ notice: signedOutNotice }),
};

export function startSession(me: User): void {
  chat.dispatch({ type: 'session/changed', me });
  void refreshRooms().then(restoreOutbox);
  void loadBlocked();
  connectRealtime(control);
  // Allowed before (this browser said yes once): the subscription is renewed for this person.
  void subscribeToPush().catch(() => undefined);
}

/** Forgets the session here and shows `to` (the landing page), with a notice when one is given. */
export function endSession(options: { to?: string; notice?: string } = {}): void {
  const to = options.to ?? '/';
  closeSocket();
  roomRequests.clear();
  // The path first: the account pages must not see a signed-out user and redirect on their own.
  navigate(to);
  chat.dispatch({ type: 'session/changed', me: null });
  if (options.notice) showNotice(to, options.notice);
}

/**
 * Runs a call that ends or replaces this browser's session (log in, sign up, log out, a reset).
 * The socket closes first, so the server's `session:ended` for the old session is not taken for
 * "signed out elsewhere"; if the call fails, the old session carries on with a new socket.
 */
export async function replacingSession<T>(call: () => Promise<T>): Promise<T> {
  const hadSocket = closeSocket();
  try {
    return await call();
  } catch (error) {
    if (hadSocket && chat.getState().me !== null) connectRealtime(control);
    throw error;
  }
}

/** Logs this session out; without an answer from the server, this browser forgets it anyway. */
export async function signOut(): Promise<void> {
  closeSocket();
  await unsubscribeFromPush();
  await api.logout().catch(() => undefined);
  endSession();
}

export async function signOutEverywhere(): Promise<void> {
  await unsubscribeFromPush();
  await replacingSession(() => accounts.logoutEverywhere());
  endSession();
}

/** After sign-up or login: the app, in the room last opened on this device if still a member. */
export async function enterAs(user: User): Promise<void> {
  const listed = await api.listRooms().catch(() => null);
  const last = lastRoomOf(user.id);
  navigate(last !== null && listed?.memberOf.includes(last) ? roomPath(last) : '/');
  startSession(user);
}
