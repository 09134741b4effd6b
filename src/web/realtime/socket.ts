import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../contract/index.js';

export type HearthSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let current: HearthSocket | null = null;

/** Same origin, so the session cookie authenticates the handshake; no long-polling detour. */
export function openSocket(): HearthSocket {
  current?.disconnect();
  current = io({ transports: ['websocket'], withCredentials: true, reconnectionDelayMax: 4000 });
  return current;
}

export function closeSocket(): void {
  current?.disconnect();
  current = null;
}

export function connectedSocket(): HearthSocket | null {
  return current?.connected ? current : null;
}
