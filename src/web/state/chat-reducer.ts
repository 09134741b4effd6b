import type { Attention, ErrorBody, MemberEvent, Message, MessagePage, PresenceEvent, Room, User } from '../../contract/index.js';
import * as view from './room-view.js';
import type { ChatState, ConnectionStatus, PendingMessage, RoomView } from './types.js';
import { countNew, fromAttention, uncountDeleted } from './read-state.js';

export type ChatAction =
  | { type: 'session/changed'; me: User | null }
  | { type: 'connection/changed'; status: ConnectionStatus }
  | { type: 'rooms/listed'; rooms: Room[]; memberIds: string[]; nextCursor?: string; online?: string[]; attention?: Attention[] }
  | { type: 'attention/changed'; attention: Attention }
  | { type: 'typing/started'; roomId: string; user: User; at: number }
  | { type: 'directory/more'; rooms: Room[]; nextCursor?: string }
  | { type: 'room/entered'; room: Room }
  | { type: 'room/updated'; room: Room }
  | { type: 'room/opened'; roomId: string | null }
  | { type: 'room/joined'; join: view.JoinResult; mode: 'initial' | 'catchUp' }
  | { type: 'room/olderRequested'; roomId: string }
  | { type: 'room/olderLoaded'; roomId: string; page: MessagePage }
  | { type: 'room/left'; roomId: string }
  | { type: 'message/created'; message: Message }
  /** An edit, a deletion or a reaction, live or acknowledged. */
  /** `by`: who made the change, when it is a broadcast (its reactions are marked as they see them). */
  | { type: 'message/changed'; message: Message; by?: string }
  | { type: 'message/sending'; pending: PendingMessage }
  | { type: 'compose/replying'; roomId: string; message: Message | null }
  | { type: 'compose/editing'; roomId: string; messageId: string | null }
  | { type: 'message/failed'; roomId: string; clientId: string; error: ErrorBody }
  | { type: 'message/retrying'; roomId: string; clientId: string }
  | { type: 'message/discarded'; roomId: string; clientId: string }
  | { type: 'member/changed'; event: MemberEvent; joined: boolean; at: string }
  | { type: 'presence/changed'; event: PresenceEvent }
  | { type: 'blocks/listed'; userIds: string[] }
  | { type: 'person/blocked'; userId: string; blocked: boolean }
  | { type: 'profile/opened'; userId: string | null };

export const initialChatState: ChatState = {
  me: null,
  connection: 'connecting',
  rooms: {},
  myRoomIds: [],
  roomsListed: false,
  directory: [],
  directoryCursor: null,
  activeRoomId: null,
  peopleOnline: {},
  blockedIds: [],
  profileUserId: null,
  typing: {},
};

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  const meId = state.me?.id;
  switch (action.type) {
    case 'session/changed':
      return action.me?.id === meId ? { ...state, me: action.me } : { ...initialChatState, me: action.me };
    case 'connection/changed':
      return { ...state, connection: action.status };
    case 'rooms/listed': {
      const rooms = { ...state.rooms };
      for (const room of action.rooms) {
        const existing = rooms[room.id];
        rooms[room.id] = existing
          ? { ...existing, room: { ...room, lastSeq: Math.max(room.lastSeq, existing.room.lastSeq) } }
          : view.emptyRoomView(room);
      }
      for (const attention of action.attention ?? []) {
        const held = rooms[attention.roomId];
        if (held) rooms[attention.roomId] = { ...held, attention: fromAttention(attention) };
      }
      const listed = new Set(action.rooms.map((r) => r.id));
      const known = new Set([...state.myRoomIds, ...action.memberIds].filter((id) => listed.has(id)));
      return {
        ...state,
        rooms,
        directory: action.rooms,
        directoryCursor: action.nextCursor ?? null,
        myRoomIds: ordered(state.myRoomIds, known),
        roomsListed: true,
        peopleOnline: withDirectPresence(state.peopleOnline, action.rooms, action.online ?? [], meId),
      };
    }
    case 'directory/more': {
      const rooms = { ...state.rooms };
      for (const room of action.rooms) rooms[room.id] ??= view.emptyRoomView(room);
      const known = new Set(state.directory.map((r) => r.id));
      const added = action.rooms.filter((r) => !known.has(r.id));
      return { ...state, rooms, directory: [...state.directory, ...added], directoryCursor: action.nextCursor ?? null };
    }
    case 'room/entered':
      return withMember(
        withRoom(state, action.room.id, (v) => v, action.room),
        action.room.id,
      );
    case 'room/updated':
      return update(state, action.room.id, (v) => ({
        ...v,
        room: { ...action.room, lastSeq: Math.max(action.room.lastSeq, v.room.lastSeq) },
      }));
    case 'room/opened': {
      // "New messages" stays where it was put on opening, and goes once the room is left.
      const closed = state.activeRoomId === null ? state : update(state, state.activeRoomId, (v) => ({ ...v, unreadAfterSeq: null }));
      if (action.roomId === null) return { ...closed, activeRoomId: null };
      return update({ ...closed, activeRoomId: action.roomId }, action.roomId, (v) => ({
        ...v,
        unreadAfterSeq: v.attention.unread > 0 ? v.attention.readSeq : null,
      }));
    }
    case 'attention/changed': {
      const { attention } = action;
      return update(state, attention.roomId, (v) => {
        const next = { ...v, attention: fromAttention(attention) };
        const opened = state.activeRoomId === attention.roomId && v.unreadAfterSeq === null && !v.loaded && attention.unread > 0;
        return opened ? { ...next, unreadAfterSeq: attention.readSeq } : next;
      });
    }
    case 'typing/started': {
      const { roomId, user, at } = action;
      if (user.id === meId) return state;
      const others = (state.typing[roomId] ?? []).filter((t) => t.user.id !== user.id);
      return { ...state, typing: { ...state.typing, [roomId]: [...others, { user, at }] } };
    }
    case 'room/joined': {
      const { join, mode } = action;
      const opening = state.activeRoomId === join.room.id && mode === 'initial';
      const next = withRoom(
        state,
        join.room.id,
        (v) => {
          const joinedView = view.applyJoin(v, join, mode, meId);
          const placeDivider = opening && !v.loaded && v.unreadAfterSeq === null && joinedView.attention.unread > 0;
          return placeDivider ? { ...joinedView, unreadAfterSeq: joinedView.attention.readSeq } : joinedView;
        },
        join.room,
      );
      const peopleOnline = { ...next.peopleOnline };
      for (const user of join.online) peopleOnline[user.id] = true;
      return withMember({ ...next, peopleOnline }, join.room.id);
    }
    case 'room/olderRequested':
      return update(state, action.roomId, (v) => ({ ...v, loadingOlder: true }));
    case 'room/olderLoaded':
      return update(state, action.roomId, (v) => view.applyOlderPage(v, action.page));
    case 'room/left': {
      const myRoomIds = state.myRoomIds.filter((id) => id !== action.roomId);
      const rooms = { ...state.rooms };
      const left = rooms[action.roomId];
      if (left) rooms[action.roomId] = view.emptyRoomView(left.room);
      return { ...state, rooms, myRoomIds };
    }
    case 'message/created': {
      const { message } = action;
      const typists = state.typing[message.roomId];
      const quiet = typists?.some((t) => t.user.id === message.author.id)
        ? { ...state, typing: { ...state.typing, [message.roomId]: typists.filter((t) => t.user.id !== message.author.id) } }
        : state;
      return update(quiet, message.roomId, (v) => {
        const applied = view.applyMessage(v, message, meId);
        // Counted once, and only past what the server's count already held (the room's last seq then).
        const next = applied !== v && message.seq > v.room.lastSeq ? countNew(applied, message, meId) : applied;
        // The newest conversation comes first in "Direct messages".
        return next === v || next.room.lastActivityAt >= message.createdAt
          ? next
          : { ...next, room: { ...next.room, lastActivityAt: message.createdAt } };
      });
    }
    case 'message/changed':
      return update(state, action.message.roomId, (v) => {
        const held = v.messages.find((m) => m.id === action.message.id);
        const next = view.applyChange(v, action.message, action.by !== undefined && action.by !== meId);
        return uncountDeleted(next, held, action.message, meId);
      });
    case 'message/sending':
      return update(state, action.pending.roomId, (v) => ({ ...view.addPending(v, action.pending), replyingTo: null }));
    case 'compose/replying':
      return update(state, action.roomId, (v) => ({ ...v, replyingTo: action.message, editingId: null }));
    case 'compose/editing':
      return update(state, action.roomId, (v) => ({ ...v, editingId: action.messageId }));
    case 'message/failed':
      return update(state, action.roomId, (v) => view.setPendingStatus(v, action.clientId, action.error));
    case 'message/discarded':
      return update(state, action.roomId, (v) => ({ ...v, pending: v.pending.filter((p) => p.clientId !== action.clientId) }));
    case 'message/retrying':
      return update(state, action.roomId, (v) => view.setPendingStatus(v, action.clientId, undefined));
    case 'member/changed': {
      const { event, joined, at } = action;
      const next = update(state, event.roomId, (v) => view.applyMembership(v, event, joined, at, meId));
      if (event.user.id !== meId) return next;
      return joined ? withMember(next, event.roomId) : chatReducer(next, { type: 'room/left', roomId: event.roomId });
    }
    case 'presence/changed': {
      const { user, online } = action.event;
      const next = update(state, action.event.roomId, (v) => view.applyPresence(v, action.event));
      return next.peopleOnline[user.id] === online ? next : { ...next, peopleOnline: { ...next.peopleOnline, [user.id]: online } };
    }
    case 'blocks/listed':
      return { ...state, blockedIds: action.userIds };
    case 'person/blocked': {
      const others = state.blockedIds.filter((id) => id !== action.userId);
      return { ...state, blockedIds: action.blocked ? [...others, action.userId] : others };
    }
    case 'profile/opened':
      return { ...state, profileUserId: action.userId };
  }
}

function update(state: ChatState, roomId: string, change: (v: RoomView) => RoomView): ChatState {
  const current = state.rooms[roomId];
  if (current === undefined) return state;
  const next = change(current);
  return next === current ? state : { ...state, rooms: { ...state.rooms, [roomId]: next } };
}

function withRoom(state: ChatState, roomId: string, change: (v: RoomView) => RoomView, room: Room): ChatState {
  const current = state.rooms[roomId] ?? view.emptyRoomView(room);
  return {
    ...state,
    rooms: { ...state.rooms, [roomId]: change({ ...current, room: { ...room, lastSeq: Math.max(room.lastSeq, current.room.lastSeq) } }) },
  };
}

function withMember(state: ChatState, roomId: string): ChatState {
  if (state.myRoomIds.includes(roomId)) return state;
  return { ...state, myRoomIds: [...state.myRoomIds, roomId] };
}

/** The listed direct rooms' people, online or not as the server said; others as presence told. */
function withDirectPresence(known: Record<string, boolean>, rooms: Room[], online: string[], meId?: string): Record<string, boolean> {
  const next = { ...known };
  const now = new Set(online);
  for (const person of rooms.flatMap((r) => r.participants ?? [])) if (person.id !== meId) next[person.id] = now.has(person.id);
  return next;
}

/** Keeps the current order for rooms still known and appends the new ones. */
function ordered(current: string[], known: Set<string>): string[] {
  const kept = current.filter((id) => known.has(id));
  return [...kept, ...[...known].filter((id) => !kept.includes(id))];
}
