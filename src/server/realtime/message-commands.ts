import type { CoreDeps } from '../core/shared/deps.js';
import { deleteMessage, editMessage, reactToMessage, removePreview } from '../core/messages/change-message.js';
import { postMessage } from '../core/messages/post-message.js';
import type { Metrics } from '../ops/metrics.js';
import type { CommandHandlers } from './command-path.js';

type MessageCommands = Pick<
  CommandHandlers,
  'message:send' | 'message:edit' | 'message:delete' | 'message:react' | 'message:remove_preview'
>;

const notStoredNow = 'The server cannot store messages right now; send again shortly';

export function messageCommands(deps: CoreDeps, metrics: Metrics): MessageCommands {
  const changes = deps.rateRules.messageChanges;
  return {
    'message:send': {
      whenReady: notStoredNow,
      latency: metrics.ackLatency,
      async run(socket, input) {
        const posted = await postMessage(deps, socket.data.user, input);
        if (posted.created) {
          metrics.messagesStored.inc();
          metrics.fanOut.observe(posted.memberCount);
        }
        return { message: posted.message };
      },
    },
    'message:edit': {
      rule: changes,
      whenReady: notStoredNow,
      run: async (socket, input) => ({ message: await editMessage(deps, socket.data.user, input) }),
    },
    'message:delete': {
      rule: changes,
      whenReady: notStoredNow,
      run: async (socket, input) => ({ message: await deleteMessage(deps, socket.data.user, input) }),
    },
    'message:react': {
      rule: changes,
      whenReady: notStoredNow,
      run: (socket, input) => reactToMessage(deps, socket.data.user, input),
    },
    'message:remove_preview': {
      rule: changes,
      whenReady: notStoredNow,
      run: async (socket, input) => ({ message: await removePreview(deps, socket.data.user, input) }),
    },
  };
}
