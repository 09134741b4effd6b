import { fetchMe } from '../../http/endpoints.js';
import { endSession, refreshRooms, signedOutNotice } from '../../session.js';
import { chat } from '../../store.js';
import { catchUp, flushPending } from '../commands.js';
import { type HearthSocket, isCurrentSocket } from '../socket.js';

/** After every (re)connection: catch up each open room from its last seq, then resend what is pending. */
export async function onConnect(): Promise<void> {
  chat.dispatch({ type: 'connection/changed', status: 'online' });
  void refreshRooms();
  const loaded = Object.values(chat.getState().rooms).filter((v) => v.loaded);
  await Promise.all(loaded.map((v) => catchUp(v.room.id)));
  flushPending();
}

export function onDisconnect(socket: HearthSocket, reason: string): void {
  chat.dispatch({ type: 'connection/changed', status: 'reconnecting' });
  // The server closed the socket on purpose: a restart, or the session ended (then /api/me says
  // 401). Socket.IO does not retry such a disconnect by itself.
  if (reason === 'io server disconnect') void reconnectUnlessSignedOut(socket);
}

async function reconnectUnlessSignedOut(socket: HearthSocket): Promise<void> {
  const me = await fetchMe().catch(() => undefined);
  if (!isCurrentSocket(socket)) return;
  if (me === null) endSession({ notice: signedOutNotice });
  else socket.connect();
}

export function onConnectError(socket: HearthSocket, error: Error & { data?: unknown }): void {
  const data = error.data;
  if (typeof data === 'object' && data !== null && 'code' in data && data.code === 'UNAUTHENTICATED') {
    endSession({ notice: signedOutNotice });
    return;
  }
  chat.dispatch({ type: 'connection/changed', status: 'reconnecting' });
  // A refusal by the server's middleware is not retried by Socket.IO; a transport error is.
  if (!socket.active) setTimeout(() => isCurrentSocket(socket) && socket.connect(), 3000);
}
