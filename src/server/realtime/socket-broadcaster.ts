import type { Broadcaster, EventPayload } from '../core/shared/ports.js';
import type { PresenceEvent, ServerToClientEvents } from '../../contract/events.js';
import { PresenceCoalescer } from './presence-coalescer.js';
import { channel, type HearthServer } from './types.js';

type EventName = keyof ServerToClientEvents;

/** Delivery through Socket.IO channels; with a cluster adapter these reach every process. */
export function socketBroadcaster(io: HearthServer): Broadcaster {
  // Socket.IO's typed emit cannot follow a generic event name through its overloads.
  type LooseEmit = (event: string, payload: unknown) => boolean;
  const emitTo = (name: string, event: EventName, payload: unknown): void => {
    (io.to(name).emit as unknown as LooseEmit)(event, payload);
  };
  const presence = new PresenceCoalescer((event) => emitTo(channel.room(event.roomId), 'room:presence', event));
  return {
    toRoom<E extends EventName>(roomId: string, event: E, payload: EventPayload<E>) {
      if (event === 'room:presence') presence.announce(payload as PresenceEvent);
      else emitTo(channel.room(roomId), event, payload);
    },
    toUser<E extends EventName>(userId: string, event: E, payload: EventPayload<E>) {
      emitTo(channel.user(userId), event, payload);
    },
    toRoomVolatile<E extends EventName>(roomId: string, event: E, payload: EventPayload<E>) {
      (io.volatile.to(channel.room(roomId)).emit as unknown as LooseEmit)(event, payload);
    },
    async subscribeSocket(socketId, roomId) {
      // The socket that asked is on this process: joined here, without a word to the others.
      await io.of('/').sockets.get(socketId)?.join(channel.room(roomId));
    },
    async subscribeUser(userId, roomId) {
      io.in(channel.user(userId)).socketsJoin(channel.room(roomId));
    },
    async unsubscribeUser(userId, roomId) {
      io.in(channel.user(userId)).socketsLeave(channel.room(roomId));
    },
    async disconnectUser(userId) {
      io.in(channel.user(userId)).emit('session:ended', { reason: 'signed out everywhere' });
      io.in(channel.user(userId)).disconnectSockets(true);
    },
    async disconnectSession(tokenHash) {
      io.in(channel.session(tokenHash)).emit('session:ended', { reason: 'logged out' });
      io.in(channel.session(tokenHash)).disconnectSockets(true);
    },
  };
}
