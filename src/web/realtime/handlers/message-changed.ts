import type { Message } from '../../../contract/index.js';
import { missesChange } from '../../state/room-view.js';
import { chat } from '../../store.js';
import { catchUp } from '../commands.js';

/** message:updated, message:deleted and message:reactions: the message's whole new state, changed by `by`. */
export function onMessageChanged({ message, by }: { message: Message; by?: string }): void {
  const view = chat.getState().rooms[message.roomId];
  if (view === undefined) return;
  const missed = missesChange(view, message.change);
  chat.dispatch({ type: 'message/changed', message, ...(by === undefined ? {} : { by }) });
  // A position skipped means a change in flight from another process, or one lost: ask for it.
  if (missed) void catchUp(message.roomId);
}
