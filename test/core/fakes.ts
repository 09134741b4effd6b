import type { Message, ProfileSettings, Room, User } from '../../src/contract/types.js';
import type { CoreDeps } from '../../src/server/core/shared/deps.js';
import type { Account, Mail, UserStore } from '../../src/server/core/accounts/ports.js';
import type { MessageStore } from '../../src/server/core/messages/ports.js';
import type { NewRoom, RoomStore } from '../../src/server/core/rooms/ports.js';
import type { Block, PeopleStore } from '../../src/server/core/people/ports.js';
import type { Broadcaster } from '../../src/server/core/shared/ports.js';
import type { AttentionStore, ChosenLevel } from '../../src/server/core/attention/ports.js';
import { reactionsSeenBy, toggleReaction, type ReactionRecord } from '../../src/server/core/messages/reactions.js';
import { defaultRateRules } from '../../src/server/core/shared/rate-rules.js';
import { MemoryPresence } from '../../src/server/memory/memory-presence.js';
import { MemoryRateLimiter } from '../../src/server/memory/memory-rate-limiter.js';

/** In-memory ports for the core's unit tests: just enough behaviour to exercise the rules. */

export type Step = [string, ...unknown[]];

export function recordingBroadcaster(log: Step[]): Broadcaster {
  return {
    toRoom: (roomId, event, payload) => void log.push(['toRoom', roomId, event, payload]),
    toUser: (userId, event, payload) => void log.push(['toUser', userId, event, payload]),
    toRoomVolatile: (roomId, event, payload) => void log.push(['toRoomVolatile', roomId, event, payload]),
    subscribeSocket: async (socketId, roomId) => void log.push(['subscribe socket', socketId, roomId]),
    subscribeUser: async (userId, roomId) => void log.push(['subscribe', userId, roomId]),
    unsubscribeUser: async (userId, roomId) => void log.push(['unsubscribe', userId, roomId]),
    disconnectUser: async (userId) => void log.push(['disconnectUser', userId]),
    disconnectSession: async (hash) => void log.push(['disconnectSession', hash]),
  };
}

function memoryRooms(): RoomStore {
  const rooms = new Map<string, Omit<Room, 'kind'> & NewRoom>();
  const members = new Map<string, Set<string>>();
  const count = (roomId: string) => members.get(roomId)?.size ?? 0;
  const view = (roomId: string): Room | undefined => {
    const room = rooms.get(roomId);
    if (!room) return undefined;
    const { ownerId: _owner, directKey: _key, otherMemberIds: _others, directGroup, ...rest } = room;
    return {
      ...rest,
      kind: room.kind ?? 'room',
      code: room.kind === 'direct' ? '' : room.code,
      memberCount: count(roomId),
      ...(room.kind === 'direct' ? { group: directGroup ?? false } : {}),
    };
  };
  return {
    async insertRoom(room) {
      const all = [...rooms.values()];
      if (all.some((r) => r.code === room.code)) return 'code_taken';
      if (room.visibility === 'public' && all.some((r) => r.visibility === 'public' && r.name.toLowerCase() === room.name.toLowerCase()))
        return 'name_taken';
      if (room.directKey !== undefined && all.some((r) => r.directKey === room.directKey)) return 'direct_taken';
      rooms.set(room.id, { ...room, memberCount: 1, lastSeq: 0, lastChange: 0, lastActivityAt: room.createdAt, mentionPolicy: 'everyone' });
      members.set(room.id, new Set([room.ownerId, ...(room.otherMemberIds ?? [])]));
      return 'ok';
    },
    findRoomById: async (id) => view(id),
    findRoomByCode: async (code) => [...rooms.values()].filter((r) => r.code === code && r.kind !== 'direct').map((r) => view(r.id))[0],
    findDirectRoom: async (key) => [...rooms.values()].filter((r) => r.directKey === key).map((r) => view(r.id))[0],
    listMembersOf: async (roomIds) => new Map(roomIds.map((id) => [id, [...(members.get(id) ?? [])]])),
    findPublicRoomByName: async (name) =>
      [...rooms.values()].filter((r) => r.visibility === 'public' && r.name.toLowerCase() === name.toLowerCase()).map((r) => view(r.id))[0],
    listRoomsOf: async (userId) => [...rooms.values()].filter((r) => members.get(r.id)?.has(userId)).map((r) => view(r.id)!),
    listDirectory: async (userId) => ({
      rooms: [...rooms.values()].filter((r) => r.visibility === 'public' && !members.get(r.id)?.has(userId)).map((r) => view(r.id)!),
    }),
    findRoomFor: async (roomId, userId) => {
      const room = view(roomId);
      return room && { room, member: members.get(roomId)?.has(userId) ?? false };
    },
    roleOf: async (roomId, userId) =>
      rooms.get(roomId)?.ownerId === userId ? 'owner' : members.get(roomId)?.has(userId) ? 'member' : undefined,
    async setRoomCode(roomId, code) {
      if ([...rooms.values()].some((r) => r.code === code)) return 'code_taken';
      rooms.get(roomId)!.code = code;
      return 'ok';
    },
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
    setRoomName: async (roomId, name) => void (rooms.get(roomId)!.name = name),
    async rekeyDirectRoom(roomId, key) {
      if (key !== null && [...rooms.values()].some((r) => r.id !== roomId && r.directKey === key)) return 'taken';
      const room = rooms.get(roomId)!;
      if (key === null) delete room.directKey;
      else room.directKey = key;
      return 'ok';
    },
  };
}

/** Read positions and levels in memory; counts are the storage tests' (both engines). */
function memoryAttention(users: UserStore, rooms: RoomStore): AttentionStore {
  const states = new Map<string, { readSeq: number; level: ChosenLevel; muted: boolean }>();
  const state = (roomId: string, userId: string) =>
    states.get(`${roomId}:${userId}`) ?? { readSeq: 0, level: 'default' as const, muted: false };
  return {
    async readRowsOf(userId, roomIds) {
      const ids = roomIds ?? (await rooms.listRoomIdsOf(userId));
      const found = await Promise.all(ids.map(async (id) => ({ id, access: await rooms.findRoomFor(id, userId) })));
      return found.flatMap(({ id, access }) =>
        access?.member ? [{ roomId: id, ...state(id, userId), lastSeq: access.room.lastSeq, memberCount: access.room.memberCount }] : [],
      );
    },
    countUnread: async () => ({ unread: 0, mentions: 0 }),
    async markRead(roomId, userId, seq) {
      const access = await rooms.findRoomFor(roomId, userId);
      if (!access?.member) return undefined;
      const now = state(roomId, userId);
      const readSeq = Math.max(now.readSeq, Math.min(seq, access.room.lastSeq));
      states.set(`${roomId}:${userId}`, { ...now, readSeq });
      const row = { roomId, ...now, readSeq, lastSeq: access.room.lastSeq, memberCount: access.room.memberCount };
      return { row, moved: readSeq > now.readSeq };
    },
    async setLevel(roomId, userId, change) {
      if ((await rooms.roleOf(roomId, userId)) === undefined) return false;
      const now = state(roomId, userId);
      states.set(`${roomId}:${userId}`, {
        ...now,
        ...(change.level ? { level: change.level } : {}),
        ...(change.muted !== undefined ? { muted: change.muted } : {}),
      });
      return true;
    },
    async membersNamed(roomId, names) {
      const wanted = new Set(names.map((n) => n.toLowerCase()));
      const members = await users.findUsersByIds(await rooms.listMemberIds(roomId));
      return members.filter((u) => wanted.has(u.username.toLowerCase())).map((u) => ({ id: u.id, username: u.username }));
    },
    setMentionPolicy: async () => undefined,
  };
}

/** Profiles and blocks in memory; rooms in common are not kept here (the storage tests cover them). */
function memoryPeople(users: UserStore): PeopleStore {
  const profiles = new Map<string, ProfileSettings>();
  const blocks: Block[] = [];
  const settings = (id: string): ProfileSettings =>
    profiles.get(id) ?? { displayName: '', status: '', timeZone: '', directPolicy: 'anyone' };
  return {
    async findPerson(userId) {
      const user = await users.findUserById(userId);
      return user && { user, ...settings(userId), lastSeenAt: user.createdAt };
    },
    directPoliciesOf: async (ids) => new Map((await users.findUsersByIds(ids)).map((u) => [u.id, settings(u.id).directPolicy])),
    updateProfile: async (userId, changes) => void profiles.set(userId, { ...settings(userId), ...changes }),
    async block(blockerId, blockedId) {
      if (!blocks.some((b) => b.blockerId === blockerId && b.blockedId === blockedId)) blocks.push({ blockerId, blockedId });
    },
    async unblock(blockerId, blockedId) {
      const at = blocks.findIndex((b) => b.blockerId === blockerId && b.blockedId === blockedId);
      if (at >= 0) blocks.splice(at, 1);
    },
    listBlocked: async (blockerId) => users.findUsersByIds(blocks.filter((b) => b.blockerId === blockerId).map((b) => b.blockedId)),
    blocksAmong: async (ids) => blocks.filter((b) => ids.includes(b.blockerId) && ids.includes(b.blockedId)),
    roomsInCommon: async () => [],
    listMembers: async () => [],
    touchLastSeen: async () => undefined,
  };
}

/** The message store's rules in memory: seqs and change positions per room, idempotent clientIds. */
function memoryMessages(): MessageStore {
  // Messages are kept without reactions, which are kept (who put each emoji there) beside them.
  const byRoom = new Map<string, Message[]>();
  const reactions = new Map<string, ReactionRecord[]>();
  const seenBy = (readerId: string | undefined) => (m: Message) => ({
    ...m,
    reactions: reactionsSeenBy(reactions.get(m.id) ?? [], readerId),
  });
  const lastChange = new Map<string, number>();
  const nextChange = (roomId: string) => {
    const change = (lastChange.get(roomId) ?? 0) + 1;
    lastChange.set(roomId, change);
    return change;
  };
  return {
    async appendMessage(input) {
      const list = byRoom.get(input.roomId) ?? [];
      const original = list.find((m) => m.author.id === input.author.id && m.clientId === input.clientId);
      if (original) return { message: original, created: false };
      byRoom.set(input.roomId, list);
      const { replyTo, mentioned: _mentioned, mentions = [], attachmentIds: _files, ...rest } = input;
      const message: Message = {
        ...rest,
        mentions: [...mentions],
        attachments: [],
        preview: null,
        seq: list.length + 1,
        change: nextChange(input.roomId),
        editedAt: null,
        deletedAt: null,
        replyTo: replyTo ?? null,
        reactions: [],
      };
      list.push(message);
      return { message, created: true };
    },
    async pageMessages(roomId, { before, after, limit }, readerId) {
      const list = (byRoom.get(roomId) ?? []).map(seenBy(readerId));
      if (after !== undefined) {
        const rest = list.filter((m) => m.seq > after);
        return { messages: rest.slice(0, limit), hasMore: rest.length > limit };
      }
      const older = list.filter((m) => before === undefined || m.seq < before);
      return { messages: older.slice(-limit), hasMore: older.length > limit };
    },
    async pageChanges(roomId, afterChange, limit, readerId) {
      const changed = (byRoom.get(roomId) ?? []).filter((m) => m.change > afterChange).sort((a, b) => a.change - b.change);
      return { messages: changed.slice(0, limit).map(seenBy(readerId)), hasMore: changed.length > limit };
    },
    async findMessage(roomId, messageId, readerId) {
      const message = byRoom.get(roomId)?.find((m) => m.id === messageId);
      return message && seenBy(readerId)(message);
    },
    reactionsOf: async (roomId, messageId) =>
      byRoom.get(roomId)?.some((m) => m.id === messageId) ? (reactions.get(messageId) ?? []) : undefined,
    async changeMessage(roomId, messageId, change) {
      const list = byRoom.get(roomId) ?? [];
      const index = list.findIndex((m) => m.id === messageId);
      const current = list[index];
      if (!current || current.deletedAt !== null) return { ok: false, reason: 'not_found' };
      if (change.kind === 'react') {
        const toggled = toggleReaction(reactions.get(messageId) ?? [], change.by, change.emoji, change.maxEmoji);
        if (!toggled) return { ok: false, reason: 'too_many_reactions' };
        reactions.set(messageId, toggled.reactions);
        const message = { ...current, change: nextChange(roomId) };
        list[index] = message;
        return { ok: true, message: seenBy(change.by)(message), on: toggled.on };
      }
      if (change.kind === 'delete') reactions.delete(messageId);
      const message =
        change.kind === 'preview'
          ? { ...current, preview: change.preview, change: nextChange(roomId) }
          : change.kind === 'edit'
            ? { ...current, text: change.text, editedAt: change.at, change: nextChange(roomId), mentions: [...(change.mentions ?? [])] }
            : { ...current, text: '', deletedAt: change.at, change: nextChange(roomId) };
      list[index] = message;
      return { ok: true, message: seenBy(change.by)(message) };
    },
  };
}

function memoryUsers(): UserStore {
  const accounts = new Map<string, Account>();
  const all = () => [...accounts.values()];
  const byName = (name: string) => all().find((a) => a.user.username.toLowerCase() === name.trim().toLowerCase());
  const byEmail = (email: string) => all().find((a) => a.email === email.trim().toLowerCase());
  return {
    async insertUser(user) {
      if (byName(user.username)) return 'taken';
      accounts.set(user.id, { user, email: null, passwordHash: null });
      return 'ok';
    },
    findUserById: async (id) => accounts.get(id)?.user,
    findUsersByIds: async (ids) => ids.flatMap((id) => accounts.get(id)?.user ?? []),
    findUserByName: async (name) => byName(name)?.user,
    searchUsers: async (prefix, limit) =>
      all()
        .filter((a) => a.user.username.toLowerCase().startsWith(prefix.trim().toLowerCase()))
        .map((a) => a.user)
        .slice(0, limit),
    findAccountById: async (id) => accounts.get(id),
    findAccountByLogin: async (login) => byEmail(login) ?? byName(login),
    async registerAccount(input) {
      const clash = byName(input.username);
      if (clash && clash.user.id !== input.guestId) return { ok: false, taken: 'username' };
      if (byEmail(input.email)) return { ok: false, taken: 'email' };
      const kind = all().some((a) => a.user.kind !== 'guest') ? 'member' : 'admin';
      const id = input.guestId ?? input.id;
      const user: User = { id, username: input.username, kind, createdAt: accounts.get(id)?.user.createdAt ?? input.createdAt };
      accounts.set(id, { user, email: input.email, passwordHash: input.passwordHash });
      return { ok: true, user };
    },
    setPasswordHash: async (id, passwordHash) => void accounts.set(id, { ...accounts.get(id)!, passwordHash }),
    async setEmail(id, email) {
      if (byEmail(email)) return 'taken';
      accounts.set(id, { ...accounts.get(id)!, email });
      return 'ok';
    },
    removeIdleGuests: async () => 0,
    setKind: async (id, kind) => void accounts.set(id, { ...accounts.get(id)!, user: { ...accounts.get(id)!.user, kind } }),
    async setAvatar(id, version) {
      const account = accounts.get(id)!;
      const previous = account.user.avatar ?? null;
      const { avatar: _old, ...user } = account.user;
      accounts.set(id, { ...account, user: version ? { ...user, avatar: version } : user });
      return previous;
    },
    listAccounts: async () => all(),
  };
}

/** Everything the fakes' side effects left behind, for tests to look at. */
export interface Traces {
  mails: Mail[];
  background: Array<Promise<unknown>>;
}

export function fakeDeps(log: Step[] = [], traces: Traces = { mails: [], background: [] }): CoreDeps {
  let next = 0;
  const clock = { now: () => new Date('2026-11-21T10:00:00.000Z') };
  const sessions = new Map<string, { userId: string; expiresAt: string; createdAt: string }>();
  const alive = (s: { expiresAt: string; createdAt: string }, now: string, createdAfter: string) =>
    s.expiresAt > now && s.createdAt > createdAfter;
  const resets = new Map<string, { userId: string; expiresAt: string; used: boolean }>();
  const users = memoryUsers();
  const rooms = memoryRooms();
  return {
    users,
    resetTokens: {
      insertResetToken: async (t) => void resets.set(t.tokenHash, { ...t, used: false }),
      async findResetTokenUser(hash, now) {
        const t = resets.get(hash);
        return t && !t.used && t.expiresAt > now ? t.userId : undefined;
      },
      async consumeResetToken(hash, now) {
        const t = resets.get(hash);
        if (!t || t.used || t.expiresAt <= now) return undefined;
        t.used = true;
        return t.userId;
      },
      async deleteResetTokensOfUser(userId) {
        for (const [hash, t] of resets) if (t.userId === userId) resets.delete(hash);
      },
      async purgeResetTokens(now) {
        const gone = [...resets].filter(([, t]) => t.used || t.expiresAt <= now);
        for (const [hash] of gone) resets.delete(hash);
        return gone.length;
      },
    },
    passwords: { hash: async (p) => `hashed:${p}`, verify: async (h, p) => h === `hashed:${p}` },
    mailer: { send: async (mail) => void traces.mails.push(mail) },
    publicUrl: 'https://chat.example.org',
    background: (work) => void traces.background.push(work),
    sessions: {
      insertSession: async (s) => void sessions.set(s.tokenHash, s),
      findSessionUser: async (hash, now, createdAfter) => {
        const s = sessions.get(hash);
        return s && alive(s, now, createdAfter) ? users.findUserById(s.userId) : undefined;
      },
      findLiveSessions: async (hashes, now, createdAfter) =>
        new Set(
          hashes.filter((hash) => {
            const s = sessions.get(hash);
            return s !== undefined && alive(s, now, createdAfter);
          }),
        ),
      async purgeSessions(now, createdAfter) {
        const dead = [...sessions].filter(([, s]) => !alive(s, now, createdAfter));
        for (const [hash] of dead) sessions.delete(hash);
        return dead.length;
      },
      deleteSession: async (hash) => void sessions.delete(hash),
      async deleteSessionsOfUser(userId, keep) {
        const ended = [...sessions].filter(([hash, s]) => s.userId === userId && hash !== keep).map(([hash]) => hash);
        for (const hash of ended) sessions.delete(hash);
        return ended;
      },
    },
    rooms,
    messages: memoryMessages(),
    people: memoryPeople(users),
    attention: memoryAttention(users, rooms),
    // The queue, pushes and digests run against real storage (test/realtime/notifications.test.ts).
    notify: {
      roomsWaiting: async () => [],
      skipQuietRooms: async () => undefined,
      readWaiting: async () => undefined,
      handOut: async () => true,
      recipientsAmong: async () => [],
      addDeliveries: async () => undefined,
      dueDeliveries: async () => [],
      leaseDelivery: async () => false,
      retryDelivery: async () => undefined,
      finishDelivery: async () => undefined,
      findSubscription: async () => undefined,
      saveSubscription: async () => undefined,
      countSubscriptions: async () => 0,
      removeSubscription: async () => undefined,
    },
    digests: {
      digestCandidates: async () => [],
      digestItems: async () => [],
      claimDigest: async () => false,
      digestMinutes: async () => 10,
      setDigestMinutes: async () => undefined,
    },
    push: { publicKey: 'test-key', send: async () => 'sent' },
    pushHosts: ['push.example.org'],
    notifySoon: () => undefined,
    previewSoon: () => undefined,
    previews: {
      cachedPreview: async () => undefined,
      savePreview: async () => undefined,
      savePreviewImage: async () => undefined,
      findPreviewImage: async () => undefined,
    },
    previewFetcher: { fetchPreview: async () => null },
    // Files run against real storage, disk and S3 (test/storage/blobs.test.ts, test/http/files.test.ts).
    files: {
      insertFile: async () => undefined,
      findFile: async () => undefined,
      setAlt: async () => undefined,
      usageOf: async () => 0,
      abandonUnsent: async () => 0,
      deletedFiles: async () => [],
      forgetFiles: async () => undefined,
    },
    blobs: { put: async () => undefined, read: async () => undefined, remove: async () => undefined },
    media: {
      prepare: async () => Promise.reject(new Error('no media work in the core tests')),
      prepareAvatar: async () => Promise.reject(new Error('no media work in the core tests')),
      discard: async () => undefined,
    },
    uploads: { maxBytes: 1024, quotaBytes: 4096 },
    presence: new MemoryPresence(),
    broadcast: recordingBroadcaster(log),
    limiter: new MemoryRateLimiter(clock),
    rateRules: defaultRateRules,
    ids: {
      newId: () => `id${++next}`,
      newRoomCode: (length) => `CODE${++next}`.padEnd(length, 'X'),
      newToken: () => `token${++next}`,
      hashToken: (t) => `hash:${t}`,
    },
    clock,
    sessionTtlMs: 1000,
    sessionLifetimeMs: 5000,
  };
}
