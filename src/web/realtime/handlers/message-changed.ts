import type { Message } from '../../../contract/index.js';
import { missesChange } from '../../state/room-view.js';
import { chat } from '../../store.js';
import { catchUp } from '../commands.js';

/** message:updated, message:deleted and message:reactions: the message's whole new state. */
export function onMessageChanged({ message }: { message: Message }): void {
  const view = chat.getState().rooms[message.roomId];
  if (view === undefined) return;
  const missed = missesChange(view, message.change);
  chat.dispatch({ type: 'message/changed', message });
  // A position skipped means a change in flight from another process, or one lost: ask for it.
  if (missed) void catchUp(message.roomId);
}
