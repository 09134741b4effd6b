import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../contract/index.js';

export type HearthSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let current: HearthSocket | null = null;

/** Same origin, so the session cookie authenticates the handshake; no long-polling detour. */
export function openSocket(): HearthSocket {
  closeSocket();
  current = io({ transports: ['websocket'], withCredentials: true, reconnectionDelayMax: 4000 });
  return current;
}

/**
 * Closes the socket without a word to the handlers: a socket closed here is not "reconnecting",
 * and its late events (a session:ended meant for the session being replaced) reach nobody.
 * Returns whether a socket was open.
 */
export function closeSocket(): boolean {
  const closing = current;
  current = null;
  if (closing === null) return false;
  closing.off();
  closing.disconnect();
  return true;
}

export const isCurrentSocket = (socket: HearthSocket): boolean => socket === current;

export function connectedSocket(): HearthSocket | null {
  return current?.connected ? current : null;
}
