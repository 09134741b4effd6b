import { roomJoinPayload, roomLeavePayload } from '../../contract/schemas.js';
import type { CoreDeps } from '../core/deps.js';
import { enterRoom } from '../core/enter-room.js';
import { leaveRoom } from '../core/leave-room.js';
import { handleEvent, type EventContext } from './handle-event.js';
import { channel, type HearthSocket } from './types.js';

export function roomEvents(socket: HearthSocket, deps: CoreDeps, ctx: EventContext): void {
  const user = socket.data.user;

  handleEvent(
    socket,
    ctx,
    'room:join',
    roomJoinPayload,
    async ({ roomId, afterSeq }) => {
      // Joined even when already a member: this socket may have connected while the membership was
      // being created, and so not have been put in the room's channel.
      return enterRoom(deps, user, roomId, afterSeq, async () => socket.join(channel.room(roomId)));
    },
    deps.rateRules.roomEvents,
  );

  handleEvent(
    socket,
    ctx,
    'room:leave',
    roomLeavePayload,
    async ({ roomId }) => {
      await leaveRoom(deps, user, roomId);
      return {};
    },
    deps.rateRules.roomEvents,
  );
}
