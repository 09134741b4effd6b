import type { Message } from '../../../contract/index.js';
import { hasGap } from '../../state/messages.js';
import { chat } from '../../store.js';
import { catchUp } from '../commands.js';
import { refreshRooms } from '../../room-list.js';

/** Every room the user belongs to delivers here, viewed or not; a hole in seq means a missed broadcast. */
export function onMessageCreated({ message }: { message: Message }): void {
  const known = chat.getState().rooms[message.roomId] !== undefined;
  chat.dispatch({ type: 'message/created', message });
  if (!known) {
    void refreshRooms([message.roomId]);
    return;
  }
  const view = chat.getState().rooms[message.roomId];
  if (view?.loaded && hasGap(view.messages)) void catchUp(message.roomId);
}
