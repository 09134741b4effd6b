import type { Attention, ErrorBody, MemberEvent, Message, MessagePage, PresenceEvent, Room, User } from '../../contract/index.js';
import { mergeMessages, settlePending } from './messages.js';
import { sortByName, withOnline } from './members.js';
import { fromAttention, unknownReadState } from './read-state.js';
import type { Notice, PendingMessage, RoomView } from './types.js';

/** Pure updates of one room's client state. Each returns the same object when nothing changed. */

export function emptyRoomView(room: Room): RoomView {
  return {
    room,
    messages: [],
    pending: [],
    notices: [],
    online: [],
    loaded: false,
    syncedChange: 0,
    replyingTo: null,
    editingId: null,
    hasOlder: room.lastSeq > 0,
    loadingOlder: false,
    attention: unknownReadState(room),
    unreadAfterSeq: null,
  };
}

export interface JoinResult {
  room: Room;
  online: User[];
  messages: Message[];
  hasMore: boolean;
  attention?: Attention;
}

/**
 * A room:join ack. Without a position (`initial`) `messages` is the newest page and `hasMore` says
 * older ones exist; with afterChange (`catchUp`) `messages` is what changed since, in change
 * order, and `hasMore` says more changes remain, from the page's last one.
 */
export function applyJoin(view: RoomView, join: JoinResult, mode: 'initial' | 'catchUp', meId?: string): RoomView {
  const incoming = mode === 'catchUp' ? loadedPart(view, join.messages) : join.messages;
  const messages = mergeMessages(view.messages, incoming);
  const syncedChange =
    mode === 'catchUp' && join.hasMore
      ? Math.max(view.syncedChange, join.messages.at(-1)?.change ?? 0)
      : Math.max(view.syncedChange, join.room.lastChange);
  return {
    ...view,
    room: withLastSeq(join.room, messages),
    online: sortByName(join.online),
    messages,
    pending: settlePending(view.pending, join.messages, meId),
    loaded: true,
    syncedChange,
    hasOlder: mode === 'initial' ? join.hasMore : view.hasOlder,
    attention: join.attention ? fromAttention(join.attention) : view.attention,
  };
}

/** Changes to messages older than the loaded ones wait: they come with their page when it is loaded. */
function loadedPart(view: RoomView, messages: Message[]): Message[] {
  const first = view.messages[0];
  if (first === undefined || !view.hasOlder) return messages;
  return messages.filter((m) => m.seq >= first.seq);
}

/** Whether a change between the position held and this one is missing (then: catch up). */
export const missesChange = (view: RoomView, change: number): boolean => view.loaded && change > view.syncedChange + 1;

/**
 * A live change (edit, deletion, reaction): applied when its message is loaded. A broadcast's
 * reactions are marked as the person who made the change sees them (`byOther`): this reader keeps
 * its own marks, which only its own changes move.
 */
export function applyChange(view: RoomView, message: Message, byOther = false): RoomView {
  const incoming = byOther
    ? withMyReactions(
        view.messages.find((m) => m.id === message.id),
        message,
      )
    : message;
  const messages = mergeMessages(view.messages, loadedPart(view, [incoming]));
  const syncedChange = message.change === view.syncedChange + 1 ? message.change : view.syncedChange;
  if (messages === view.messages && syncedChange === view.syncedChange) return view;
  return { ...view, messages, syncedChange };
}

function withMyReactions(held: Message | undefined, message: Message): Message {
  if (message.reactions.length === 0) return message;
  const mine = new Set(held?.reactions.filter((r) => r.me).map((r) => r.emoji));
  return { ...message, reactions: message.reactions.map((r) => ({ ...r, me: mine.has(r.emoji) })) };
}

export function applyOlderPage(view: RoomView, page: MessagePage): RoomView {
  return { ...view, messages: mergeMessages(view.messages, page.messages), hasOlder: page.hasMore, loadingOlder: false };
}

/** A message:created broadcast or a message:send ack. */
export function applyMessage(view: RoomView, message: Message, meId: string | undefined): RoomView {
  const messages = mergeMessages(view.messages, [message]);
  const pending = settlePending(view.pending, [message], meId);
  if (messages === view.messages && pending === view.pending) return view;
  const syncedChange = message.change === view.syncedChange + 1 ? message.change : view.syncedChange;
  return { ...view, messages, pending, syncedChange, room: withLastSeq(view.room, messages) };
}

export function addPending(view: RoomView, pending: PendingMessage): RoomView {
  return { ...view, pending: [...view.pending.filter((p) => p.clientId !== pending.clientId), pending] };
}

export function setPendingStatus(view: RoomView, clientId: string, error: ErrorBody | undefined): RoomView {
  if (!view.pending.some((p) => p.clientId === clientId)) return view;
  const pending = view.pending.map((p): PendingMessage => {
    if (p.clientId !== clientId) return p;
    return error === undefined ? { ...p, status: 'pending', error: undefined } : { ...p, status: 'failed', error };
  });
  return { ...view, pending };
}

export function applyMembership(view: RoomView, event: MemberEvent, joined: boolean, at: string, meId?: string): RoomView {
  const room = { ...view.room, memberCount: event.memberCount };
  if (event.user.id === meId) return { ...view, room };
  const verb = joined ? 'entered' : 'left';
  const notice: Notice = {
    id: `${verb}:${event.user.id}:${at}:${view.notices.length}`,
    afterSeq: room.lastSeq,
    text: `${event.user.username} ${verb} the room`,
    createdAt: at,
  };
  const online = joined ? view.online : view.online.filter((u) => u.id !== event.user.id);
  return { ...view, room, online, notices: [...view.notices, notice] };
}

export function applyPresence(view: RoomView, event: PresenceEvent): RoomView {
  return { ...view, online: withOnline(view.online, event.user, event.online) };
}

function withLastSeq(room: Room, messages: Message[]): Room {
  const last = messages.at(-1)?.seq ?? 0;
  return last > room.lastSeq ? { ...room, lastSeq: last } : room;
}
