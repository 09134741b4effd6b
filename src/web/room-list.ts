import type { Room } from '../contract/index.js';
import * as api from './http/endpoints.js';
import { chat } from './store.js';

/** The sidebar's rooms and the directory, kept in step with the server. */

/** Reloads the sidebar and the directory; `alsoMine` adds memberships a live event just told of. */
export async function refreshRooms(alsoMine: string[] = []): Promise<void> {
  const me = chat.getState().me;
  if (me === null) return;
  const listed = await api.listRooms().catch(() => null);
  if (listed === null || chat.getState().me?.id !== me.id) return;
  chat.dispatch({
    type: 'rooms/listed',
    rooms: listed.rooms,
    memberIds: [...listed.memberOf, ...alsoMine],
    nextCursor: listed.nextCursor,
    online: listed.online,
    attention: listed.attention,
  });
}

/** The directory's next page (it comes 100 rooms at a time). */
export async function loadMoreDirectory(): Promise<void> {
  const cursor = chat.getState().directoryCursor;
  if (cursor === null) return;
  const page = await api.listRooms(cursor);
  if (chat.getState().directoryCursor !== cursor) return;
  chat.dispatch({ type: 'directory/more', rooms: page.rooms, nextCursor: page.nextCursor });
}

/** A membership begun over HTTP (create, join by name or code). */
export function enteredRoom(room: Room): void {
  chat.dispatch({ type: 'room/entered', room });
}
