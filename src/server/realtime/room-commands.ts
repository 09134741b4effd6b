import type { CoreDeps } from '../core/shared/deps.js';
import { leaveRoom } from '../core/rooms/leave-room.js';
import { openRoom } from '../core/rooms/open-room.js';
import type { CommandHandlers } from './command-path.js';

export function roomCommands(deps: CoreDeps): Pick<CommandHandlers, 'room:join' | 'room:leave'> {
  return {
    'room:join': {
      rule: deps.rateRules.roomEvents,
      run: (socket, { roomId, afterSeq, afterChange }) => openRoom(deps, socket.data.user, socket.id, roomId, { afterSeq, afterChange }),
    },
    'room:leave': {
      rule: deps.rateRules.roomEvents,
      async run(socket, { roomId }) {
        await leaveRoom(deps, socket.data.user, roomId);
        return {};
      },
    },
  };
}
