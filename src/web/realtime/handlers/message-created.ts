import type { Message } from '../../../contract/index.js';
import { hasGap } from '../../state/messages.js';
import { chat } from '../../store.js';
import { catchUp } from '../commands.js';
import { refreshRooms } from '../../room-list.js';
import { callFor } from '../../notify.js';

/** Every room the user belongs to delivers here, viewed or not; a hole in seq means a missed broadcast. */
export function onMessageCreated({ message }: { message: Message }): void {
  const before = chat.getState();
  const known = before.rooms[message.roomId] !== undefined;
  const isNew = !before.rooms[message.roomId]?.messages.some((m) => m.id === message.id);
  chat.dispatch({ type: 'message/created', message });
  const after = chat.getState();
  const view = after.rooms[message.roomId];
  if (view && isNew && after.myRoomIds.includes(message.roomId)) {
    const looking = after.activeRoomId === message.roomId && !document.hidden;
    callFor(message, view.room, view.attention, after.me?.id, looking);
  }
  if (!known) {
    void refreshRooms([message.roomId]);
    return;
  }
  if (view?.loaded && hasGap(view.messages)) void catchUp(message.roomId);
}
