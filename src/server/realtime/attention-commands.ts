import type { CoreDeps } from '../core/shared/deps.js';
import { markRead } from '../core/attention/read-state.js';
import { announceTyping } from '../core/attention/typing.js';
import type { CommandHandlers } from './command-path.js';

/** Read marks and typing, each under its own rate rule (per user). */
export function attentionCommands(deps: CoreDeps): Pick<CommandHandlers, 'room:read' | 'room:typing'> {
  return {
    'room:read': {
      rule: deps.rateRules.readMarks,
      run: async (socket, { roomId, seq }) => ({ attention: await markRead(deps, socket.data.user, roomId, seq) }),
    },
    'room:typing': {
      rule: deps.rateRules.typing,
      async run(socket, { roomId }) {
        await announceTyping(deps, socket.data.user, roomId);
        return {};
      },
    },
  };
}
