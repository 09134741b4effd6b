import type { Room } from '../../../contract/index.js';
import { chat } from '../../store.js';
import { refreshRooms } from '../../room-list.js';

/** A room's details changed (a new share code, a group's name or people). */
export function onRoomUpdated({ room }: { room: Room }): void {
  chat.dispatch({ type: 'room/updated', room });
}

/** Someone started a conversation with this user, or added them to a group: it joins the sidebar. */
export function onRoomAdded({ room }: { room: Room }): void {
  chat.dispatch({ type: 'room/entered', room });
  // The list says who of its people is online now; presence events only tell of changes.
  void refreshRooms();
}
