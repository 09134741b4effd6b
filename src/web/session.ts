import type { Room, User } from '../contract/index.js';
import * as api from './http/endpoints.js';
import { connectRealtime } from './realtime/register.js';
import { closeSocket } from './realtime/socket.js';
import { navigate } from './router.js';
import { chat } from './store.js';

export function startSession(me: User): void {
  chat.dispatch({ type: 'session/changed', me });
  void refreshRooms();
  connectRealtime();
}

export function endSession(): void {
  closeSocket();
  chat.dispatch({ type: 'session/changed', me: null });
  navigate('/');
}

export async function signOut(): Promise<void> {
  await api.logout().catch(() => undefined);
  endSession();
}

/** Reloads the sidebar and the directory; `alsoMine` adds memberships a live event just told of. */
export async function refreshRooms(alsoMine: string[] = []): Promise<void> {
  const me = chat.getState().me;
  if (me === null) return;
  const listed = await api.listRooms().catch(() => null);
  if (listed === null || chat.getState().me?.id !== me.id) return;
  chat.dispatch({ type: 'rooms/listed', rooms: listed.rooms, memberIds: [...listed.memberOf, ...alsoMine] });
}

/** A membership begun over HTTP (create, join by name or code). */
export function enteredRoom(room: Room): void {
  chat.dispatch({ type: 'room/entered', room });
}
