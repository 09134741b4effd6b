import type { Room, User } from '../contract/index.js';
import * as accounts from './http/accounts.js';
import * as api from './http/endpoints.js';
import { lastRoomOf } from './lib/last-room.js';
import { showNotice } from './notice.js';
import { connectRealtime } from './realtime/register.js';
import { closeSocket } from './realtime/socket.js';
import { navigate, roomPath } from './router.js';
import { chat } from './store.js';

export const signedOutNotice = 'You were signed out';

export function startSession(me: User): void {
  chat.dispatch({ type: 'session/changed', me });
  void refreshRooms();
  connectRealtime();
}

/** Forgets the session here and shows `to` (the landing page), with a notice when one is given. */
export function endSession(options: { to?: string; notice?: string } = {}): void {
  const to = options.to ?? '/';
  closeSocket();
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
    if (hadSocket && chat.getState().me !== null) connectRealtime();
    throw error;
  }
}

/** Logs this session out; without an answer from the server, this browser forgets it anyway. */
export async function signOut(): Promise<void> {
  closeSocket();
  await api.logout().catch(() => undefined);
  endSession();
}

export async function signOutEverywhere(): Promise<void> {
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

/** Reloads the sidebar and the directory; `alsoMine` adds memberships a live event just told of. */
export async function refreshRooms(alsoMine: string[] = []): Promise<void> {
  const me = chat.getState().me;
  if (me === null) return;
  const listed = await api.listRooms().catch(() => null);
  if (listed === null || chat.getState().me?.id !== me.id) return;
  chat.dispatch({ type: 'rooms/listed', rooms: listed.rooms, memberIds: [...listed.memberOf, ...alsoMine], nextCursor: listed.nextCursor });
}

/** The directory's next page (it comes 100 rooms at a time). */
export async function loadMoreDirectory(): Promise<void> {
  const cursor = chat.getState().directoryCursor;
  if (cursor === null) return;
  const page = await api.listRooms(cursor);
  if (chat.getState().directoryCursor !== cursor) return;
  chat.dispatch({ type: 'directory/more', rooms: page.rooms, nextCursor: page.nextCursor });
}

/** A membership begun over HTTP (create, join by name or code). */
export function enteredRoom(room: Room): void {
  chat.dispatch({ type: 'room/entered', room });
}
