import { messageSendPayload } from '../../contract/schemas.js';
import type { CoreDeps } from '../core/deps.js';
import { postMessage } from '../core/post-message.js';
import { handleEvent, type EventContext } from './handle-event.js';
import type { HearthSocket } from './types.js';

export function messageEvents(socket: HearthSocket, deps: CoreDeps, ctx: EventContext): void {
  handleEvent(socket, ctx, 'message:send', messageSendPayload, async (input) => ({
    message: await postMessage(deps, socket.data.user, input),
  }));
}
