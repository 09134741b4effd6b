import { roomJoinPayload, roomLeavePayload } from '../../contract/schemas.js';
import type { CoreDeps } from '../core/shared/deps.js';
import { openRoom } from '../core/rooms/open-room.js';
import { leaveRoom } from '../core/rooms/leave-room.js';
import { handleEvent, type EventContext } from './handle-event.js';
import type { HearthSocket } from './types.js';

export function roomEvents(socket: HearthSocket, deps: CoreDeps, ctx: EventContext): void {
  const user = socket.data.user;

  handleEvent(
    socket,
    ctx,
    'room:join',
    roomJoinPayload,
    ({ roomId, afterSeq }) => openRoom(deps, user, socket.id, roomId, afterSeq),
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
