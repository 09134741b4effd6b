import type { CreateRoomBody, JoinRoomBody, MessagePage, Room, User } from '../../contract/index.js';
import { ApiError, request } from './request.js';

/** Who this browser's session belongs to; `email` is null for a guest. */
export interface Me {
  user: User;
  email: string | null;
}

/** null when there is no session (or it ended): 401. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await request<{ user: User; email?: string | null }>('GET', '/api/me');
    return { user: me.user, email: me.email ?? null };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const startGuest = async (username: string): Promise<User> =>
  (await request<{ user: User }>('POST', '/api/auth/guest', { username })).user;

export const logout = (): Promise<void> => request('POST', '/api/auth/logout');

export const listRooms = (): Promise<{ rooms: Room[]; memberOf: string[] }> => request('GET', '/api/rooms');

export const createRoom = async (body: CreateRoomBody): Promise<Room> => (await request<{ room: Room }>('POST', '/api/rooms', body)).room;

export const joinRoom = async (body: JoinRoomBody): Promise<Room> => (await request<{ room: Room }>('POST', '/api/rooms/join', body)).room;

export const olderMessages = (roomId: string, before: number): Promise<MessagePage> =>
  request('GET', `/api/rooms/${encodeURIComponent(roomId)}/messages?before=${before}&limit=50`);
