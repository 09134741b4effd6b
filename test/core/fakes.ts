import type { Message, Room, User } from '../../src/contract/types.js';
import type { CoreDeps } from '../../src/server/core/deps.js';
import type { Broadcaster, MessageStore, RoomStore, UserStore } from '../../src/server/core/ports.js';
import { defaultRateRules } from '../../src/server/core/rate-rules.js';
import { MemoryPresence } from '../../src/server/local/memory-presence.js';
import { MemoryRateLimiter } from '../../src/server/local/memory-rate-limiter.js';

/** In-memory ports for the core's unit tests: just enough behaviour to exercise the rules. */

export type Step = [string, ...unknown[]];

export function recordingBroadcaster(log: Step[]): Broadcaster {
  return {
    toRoom: (roomId, event, payload) => void log.push(['toRoom', roomId, event, payload]),
    toUser: (userId, event, payload) => void log.push(['toUser', userId, event, payload]),
    subscribeUser: async (userId, roomId) => void log.push(['subscribe', userId, roomId]),
    unsubscribeUser: async (userId, roomId) => void log.push(['unsubscribe', userId, roomId]),
    disconnectUser: async (userId) => void log.push(['disconnectUser', userId]),
    disconnectSession: async (hash) => void log.push(['disconnectSession', hash]),
  };
}

function memoryRooms(): RoomStore {
  const rooms = new Map<string, Room & { ownerId: string }>();
  const members = new Map<string, Set<string>>();
  const count = (roomId: string) => members.get(roomId)?.size ?? 0;
  const view = (roomId: string): Room | undefined => {
    const room = rooms.get(roomId);
    if (!room) return undefined;
    const { ownerId: _owner, ...rest } = room;
    return { ...rest, memberCount: count(roomId) };
  };
  return {
    async insertRoom(room) {
      const all = [...rooms.values()];
      if (all.some((r) => r.code === room.code)) return 'code_taken';
      if (room.visibility === 'public' && all.some((r) => r.visibility === 'public' && r.name.toLowerCase() === room.name.toLowerCase()))
        return 'name_taken';
      rooms.set(room.id, { ...room, memberCount: 1, lastSeq: 0 });
      members.set(room.id, new Set([room.ownerId]));
      return 'ok';
    },
    findRoomById: async (id) => view(id),
    findRoomByCode: async (code) => [...rooms.values()].filter((r) => r.code === code).map((r) => view(r.id))[0],
    findPublicRoomByName: async (name) =>
      [...rooms.values()].filter((r) => r.visibility === 'public' && r.name.toLowerCase() === name.toLowerCase()).map((r) => view(r.id))[0],
    listRoomsVisibleTo: async (userId) =>
      [...rooms.values()].filter((r) => r.visibility === 'public' || members.get(r.id)?.has(userId)).map((r) => view(r.id)!),
    isMember: async (roomId, userId) => members.get(roomId)?.has(userId) ?? false,
    async addMember(roomId, userId) {
      const set = members.get(roomId)!;
      const changed = !set.has(userId);
      set.add(userId);
      return { changed, memberCount: set.size };
    },
    async removeMember(roomId, userId) {
      const set = members.get(roomId)!;
      const changed = set.delete(userId);
      return { changed, memberCount: set.size };
    },
    listMemberIds: async (roomId) => [...(members.get(roomId) ?? [])],
    listRoomIdsOf: async (userId) => [...members].filter(([, set]) => set.has(userId)).map(([id]) => id),
  };
}

function memoryMessages(): MessageStore {
  const byRoom = new Map<string, Message[]>();
  return {
    async appendMessage(input) {
      const all = [...byRoom.values()].flat();
      const original = all.find((m) => m.author.id === input.author.id && m.clientId === input.clientId);
      if (original) return { message: original, created: false };
      const list = byRoom.get(input.roomId) ?? [];
      byRoom.set(input.roomId, list);
      const message: Message = { ...input, seq: list.length + 1 };
      list.push(message);
      return { message, created: true };
    },
    async pageMessages(roomId, { before, after, limit }) {
      const list = byRoom.get(roomId) ?? [];
      if (after !== undefined) {
        const rest = list.filter((m) => m.seq > after);
        return { messages: rest.slice(0, limit), hasMore: rest.length > limit };
      }
      const older = list.filter((m) => before === undefined || m.seq < before);
      return { messages: older.slice(-limit), hasMore: older.length > limit };
    },
  };
}

function memoryUsers(): UserStore {
  const users = new Map<string, User>();
  return {
    async insertUser(user) {
      if ([...users.values()].some((u) => u.username.toLowerCase() === user.username.toLowerCase())) return 'taken';
      users.set(user.id, user);
      return 'ok';
    },
    findUserById: async (id) => users.get(id),
    findUsersByIds: async (ids) => ids.flatMap((id) => users.get(id) ?? []),
  };
}

export function fakeDeps(log: Step[] = []): CoreDeps {
  let next = 0;
  const clock = { now: () => new Date('2026-11-21T10:00:00.000Z') };
  const sessions = new Map<string, { userId: string; expiresAt: string }>();
  const users = memoryUsers();
  return {
    users,
    sessions: {
      insertSession: async (s) => void sessions.set(s.tokenHash, s),
      findSessionUser: async (hash, now) => {
        const s = sessions.get(hash);
        return s && s.expiresAt > now ? users.findUserById(s.userId) : undefined;
      },
      deleteSession: async (hash) => void sessions.delete(hash),
    },
    rooms: memoryRooms(),
    messages: memoryMessages(),
    presence: new MemoryPresence(),
    broadcast: recordingBroadcaster(log),
    limiter: new MemoryRateLimiter(clock),
    rateRules: defaultRateRules,
    ids: {
      newId: () => `id${++next}`,
      newRoomCode: () => `CODE${++next}`,
      newToken: () => `token${++next}`,
      hashToken: (t) => `hash:${t}`,
    },
    clock,
    sessionTtlMs: 1000,
  };
}
