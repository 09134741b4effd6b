import * as people from './http/people.js';
import { enteredRoom } from './room-list.js';
import { navigate, roomPath } from './router.js';
import { chat } from './store.js';

/** Opens the conversation with these people (started if it is new) and shows it. */
export async function openDirect(userIds: string[]): Promise<void> {
  const room = await people.startDirect(userIds);
  enteredRoom(room);
  chat.dispatch({ type: 'profile/opened', userId: null });
  navigate(roomPath(room.id));
}

export async function loadBlocked(): Promise<void> {
  const blocked = await people.listBlocked().catch(() => null);
  if (blocked !== null) chat.dispatch({ type: 'blocks/listed', userIds: blocked.map((u) => u.id) });
}

export async function setBlocked(userId: string, blocked: boolean): Promise<void> {
  await people.setBlocked(userId, blocked);
  chat.dispatch({ type: 'person/blocked', userId, blocked });
}

export const openProfile = (userId: string): void => chat.dispatch({ type: 'profile/opened', userId });
