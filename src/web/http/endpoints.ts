import type { CreateRoomBody, JoinRoomBody, MessagePage, Room, User } from '../../contract/index.js';
import { ApiError, request } from './request.js';

export async function fetchMe(): Promise<User | null> {
  try {
    return (await request<{ user: User }>('GET', '/api/me')).user;
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
