import type { MessageSendPayload } from '../../contract/schemas.js';
import { messageSendPayload } from '../../contract/schemas.js';
import type { User } from '../../contract/types.js';
import type { CoreDeps } from '../core/shared/deps.js';
import { DomainError } from '../core/shared/domain-error.js';
import { postMessage, type PostedMessage } from '../core/messages/post-message.js';
import type { Readiness } from '../ops/readiness.js';
import { handleEvent, type EventContext } from './handle-event.js';
import type { HearthSocket } from './types.js';

export function messageEvents(socket: HearthSocket, deps: CoreDeps, ctx: EventContext): void {
  const { readiness, metrics } = ctx;
  handleEvent(socket, ctx, 'message:send', messageSendPayload, async (input) => {
    const stopTimer = metrics.ackLatency.startTimer();
    try {
      const posted = await postWhenReady(deps, readiness, socket.data.user, input);
      stopTimer({ outcome: 'ok' });
      if (posted.created) {
        metrics.messagesStored.inc();
        metrics.fanOut.observe(posted.memberCount);
      }
      return { message: posted.message };
    } catch (error) {
      stopTimer({ outcome: error instanceof DomainError ? error.code : 'INTERNAL' });
      throw error;
    }
  });
}

const unavailable = () => new DomainError('UNAVAILABLE', 'The server cannot store messages right now; send again shortly');

/**
 * Never a false acknowledgement: a process that lost its database or Redis refuses sends until
 * it has them back. A failure that a fresh readiness check explains is UNAVAILABLE, not INTERNAL,
 * so the client knows to resend (with the same clientId) rather than give up.
 */
async function postWhenReady(deps: CoreDeps, readiness: Readiness, user: User, input: MessageSendPayload): Promise<PostedMessage> {
  if (!readiness.ready) throw unavailable();
  try {
    return await postMessage(deps, user, input);
  } catch (error) {
    if (!(error instanceof DomainError) && !(await readiness.check()).ready) throw unavailable();
    throw error;
  }
}
