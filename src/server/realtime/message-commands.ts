import type { CoreDeps } from '../core/shared/deps.js';
import { postMessage } from '../core/messages/post-message.js';
import type { Metrics } from '../ops/metrics.js';
import type { CommandHandlers } from './command-path.js';

export function messageCommands(deps: CoreDeps, metrics: Metrics): Pick<CommandHandlers, 'message:send'> {
  return {
    'message:send': {
      whenReady: 'The server cannot store messages right now; send again shortly',
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
  };
}
