import { roomJoinPayload, roomLeavePayload } from '../../contract/schemas.js';
import type { CoreDeps } from '../core/deps.js';
import { enterRoom } from '../core/enter-room.js';
import { leaveRoom } from '../core/leave-room.js';
import { handleEvent, type EventContext } from './handle-event.js';
import { channel, type HearthSocket } from './types.js';

export function roomEvents(socket: HearthSocket, deps: CoreDeps, ctx: EventContext): void {
  const user = socket.data.user;

  handleEvent(socket, ctx, 'room:join', roomJoinPayload, async ({ roomId, afterSeq }) => {
    const entry = await enterRoom(deps, user, roomId, afterSeq);
    // Already a member: this socket may have connected while the membership was being created.
    await socket.join(channel.room(roomId));
    return entry;
  });

  handleEvent(socket, ctx, 'room:leave', roomLeavePayload, async ({ roomId }) => {
    await leaveRoom(deps, user, roomId);
    return {};
  });
}
