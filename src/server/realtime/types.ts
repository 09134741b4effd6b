import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../contract/events.js';
import type { User } from '../../contract/types.js';

export interface SocketData {
  user: User;
  tokenHash: string;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- no inter-server events yet
export type InterServerEvents = {};
export type HearthServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type HearthSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** Socket.IO channel names: one per room, per user and per session. */
export const channel = {
  room: (roomId: string) => `room:${roomId}`,
  user: (userId: string) => `user:${userId}`,
  session: (tokenHash: string) => `session:${tokenHash}`,
};
