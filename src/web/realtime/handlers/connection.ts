import { fetchMe } from '../../http/endpoints.js';
import { refreshRooms } from '../../room-list.js';
import { chat } from '../../store.js';
import { catchUp, flushPending } from '../commands.js';
import type { SessionControl } from '../session-control.js';
import { type HearthSocket, isCurrentSocket } from '../socket.js';

/** After every (re)connection: catch up each open room from its last seq, then resend what is pending. */
export async function onConnect(): Promise<void> {
  chat.dispatch({ type: 'connection/changed', status: 'online' });
  void refreshRooms();
  const loaded = Object.values(chat.getState().rooms).filter((v) => v.loaded);
  await Promise.all(loaded.map((v) => catchUp(v.room.id)));
  flushPending();
}

export function onDisconnect(socket: HearthSocket, reason: string, session: SessionControl): void {
  chat.dispatch({ type: 'connection/changed', status: 'reconnecting' });
  // The server closed the socket on purpose: a restart, or the session ended (then /api/me says
  // 401). Socket.IO does not retry such a disconnect by itself.
  if (reason === 'io server disconnect') void reconnectUnlessSignedOut(socket, session);
}

async function reconnectUnlessSignedOut(socket: HearthSocket, session: SessionControl): Promise<void> {
  const me = await fetchMe().catch(() => undefined);
  if (!isCurrentSocket(socket)) return;
  if (me === null) session.signedOut();
  else socket.connect();
}

export function onConnectError(socket: HearthSocket, error: Error & { data?: unknown }, session: SessionControl): void {
  const data = error.data;
  if (typeof data === 'object' && data !== null && 'code' in data && data.code === 'UNAUTHENTICATED') {
    session.signedOut();
    return;
  }
  chat.dispatch({ type: 'connection/changed', status: 'reconnecting' });
  // A refusal by the server's middleware is not retried by Socket.IO; a transport error is.
  if (!socket.active) setTimeout(() => isCurrentSocket(socket) && socket.connect(), 3000);
}
