import type { Member, Profile, ProfileSettings, Room, User } from '../../contract/index.js';
import { request } from './request.js';

/** The people calls of docs/protocol.md ("Direct conversations", "People"). */

const id = encodeURIComponent;

export const searchPeople = async (q: string): Promise<User[]> =>
  (await request<{ people: User[] }>('GET', `/api/people?q=${id(q)}`)).people;

/** The conversation with exactly these people: the existing one, or a new one. */
export const startDirect = async (userIds: string[]): Promise<Room> =>
  (await request<{ room: Room }>('POST', '/api/direct', { userIds })).room;

export const renameGroup = async (roomId: string, name: string): Promise<Room> =>
  (await request<{ room: Room }>('PATCH', `/api/direct/${id(roomId)}`, { name })).room;

export const addPeople = async (roomId: string, userIds: string[]): Promise<Room> =>
  (await request<{ room: Room }>('POST', `/api/direct/${id(roomId)}/people`, { userIds })).room;

export const fetchProfile = async (userId: string): Promise<Profile> =>
  (await request<{ profile: Profile }>('GET', `/api/people/${id(userId)}`)).profile;

export const fetchOwnProfile = async (): Promise<ProfileSettings> =>
  (await request<{ profile: ProfileSettings }>('GET', '/api/account/profile')).profile;

export const saveOwnProfile = async (changes: Partial<ProfileSettings>): Promise<ProfileSettings> =>
  (await request<{ profile: ProfileSettings }>('PATCH', '/api/account/profile', changes)).profile;

export const listBlocked = async (): Promise<User[]> => (await request<{ people: User[] }>('GET', '/api/blocks')).people;

export const setBlocked = (userId: string, blocked: boolean): Promise<void> =>
  request(blocked ? 'PUT' : 'DELETE', `/api/blocks/${id(userId)}`);

export const listMembers = (roomId: string): Promise<{ members: Member[]; total: number }> =>
  request('GET', `/api/rooms/${id(roomId)}/members`);
