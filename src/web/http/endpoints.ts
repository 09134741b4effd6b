import type {
  Attention,
  CreateRoomBody,
  JoinRoomBody,
  MentionPolicy,
  MessagePage,
  NotifyLevel,
  Room,
  RoomPreview,
  User,
} from '../../contract/index.js';
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

export interface RoomList {
  rooms: Room[];
  memberOf: string[];
  nextCursor?: string;
  /** Who of the direct conversations' people is online now. */
  online?: string[];
  /** The read state of each room one belongs to. */
  attention?: Attention[];
}

/** How loudly a room may call one ('default' follows its size), and whether it is muted. */
export const setNotifications = async (roomId: string, change: { level?: NotifyLevel | 'default'; muted?: boolean }): Promise<Attention> =>
  (await request<{ attention: Attention }>('PUT', `/api/rooms/${encodeURIComponent(roomId)}/notifications`, change)).attention;

/** An owner's setting: who may call everyone with @room / @here. */
export const setMentionPolicy = async (roomId: string, mentionPolicy: MentionPolicy): Promise<Room> =>
  (await request<{ room: Room }>('PATCH', `/api/rooms/${encodeURIComponent(roomId)}/settings`, { mentionPolicy })).room;

export const listRooms = (cursor?: string): Promise<RoomList> =>
  request('GET', cursor === undefined ? '/api/rooms' : `/api/rooms?cursor=${encodeURIComponent(cursor)}`);

/** An invite's room, before joining; works signed out. */
export const previewInvite = (code: string): Promise<RoomPreview> => request('GET', `/api/invites/${encodeURIComponent(code)}`);

export const getRoom = async (roomId: string): Promise<Room> =>
  (await request<{ room: Room }>('GET', `/api/rooms/${encodeURIComponent(roomId)}`)).room;

export const newestMessages = (roomId: string, limit = 20): Promise<MessagePage> =>
  request('GET', `/api/rooms/${encodeURIComponent(roomId)}/messages?limit=${limit}`);

/** The owner's "new code": the old invite link stops working. */
export const regenerateCode = async (roomId: string): Promise<Room> =>
  (await request<{ room: Room }>('POST', `/api/rooms/${encodeURIComponent(roomId)}/code`)).room;

export const createRoom = async (body: CreateRoomBody): Promise<Room> => (await request<{ room: Room }>('POST', '/api/rooms', body)).room;

export const joinRoom = async (body: JoinRoomBody): Promise<Room> => (await request<{ room: Room }>('POST', '/api/rooms/join', body)).room;

export const olderMessages = (roomId: string, before: number): Promise<MessagePage> =>
  request('GET', `/api/rooms/${encodeURIComponent(roomId)}/messages?before=${before}&limit=50`);

export interface ReactionPeople {
  emoji: string;
  users: User[];
}

export const whoReacted = async (roomId: string, messageId: string): Promise<ReactionPeople[]> =>
  (
    await request<{ reactions: ReactionPeople[] }>(
      'GET',
      `/api/rooms/${encodeURIComponent(roomId)}/messages/${encodeURIComponent(messageId)}/reactions`,
    )
  ).reactions;
