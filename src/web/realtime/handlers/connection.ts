import { chat } from '../../store.js';
import { endSession, refreshRooms } from '../../session.js';
import { catchUp, flushPending } from '../commands.js';
import type { HearthSocket } from '../socket.js';

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
  // The server closed the socket on purpose (a restart, a logout): Socket.IO does not retry by itself.
  if (reason === 'io server disconnect') socket.connect();
}

export function onConnectError(socket: HearthSocket, error: Error & { data?: unknown }): void {
  const data = error.data;
  if (typeof data === 'object' && data !== null && 'code' in data && data.code === 'UNAUTHENTICATED') {
    endSession();
    return;
  }
  chat.dispatch({ type: 'connection/changed', status: 'reconnecting' });
  // A refusal by the server's middleware is not retried by Socket.IO; a transport error is.
  if (!socket.active) setTimeout(() => socket.connect(), 3000);
}
