import { limits, type Attention, type Message, type Room } from '../../contract/index.js';
import type { ReadState, RoomView } from './types.js';

/** Until the server has told: nothing unread, the level a room of its size has by default. */
export function unknownReadState(room: Room): ReadState {
  return {
    readSeq: room.lastSeq,
    unread: 0,
    mentions: 0,
    level: room.memberCount > limits.quietRoomSize ? 'mentions' : 'all',
    levelChosen: false,
    muted: false,
  };
}

export function fromAttention({ roomId: _roomId, ...state }: Attention): ReadState {
  return state;
}

/** Whether the message calls the reader: by name, everyone, or in a direct conversation. */
export function callsMe(message: Message, room: Room, meId: string | undefined): boolean {
  if (meId === undefined || message.author.id === meId) return false;
  if (room.kind === 'direct') return true;
  return message.mentions.some((m) => m.kind !== 'user' || m.id === meId);
}

/** A new message past the read position counts until the server says otherwise. */
export function countNew(view: RoomView, message: Message, meId: string | undefined): RoomView {
  const state = view.attention;
  if (message.seq <= state.readSeq || message.author.id === meId || message.deletedAt !== null) return view;
  const mentions = callsMe(message, view.room, meId) ? state.mentions + 1 : state.mentions;
  return { ...view, attention: { ...state, unread: state.unread + 1, mentions } };
}

/** A message that counted and is deleted now stops counting. */
export function uncountDeleted(view: RoomView, held: Message | undefined, message: Message, meId: string | undefined): RoomView {
  const state = view.attention;
  if (!held || held.deletedAt !== null || message.deletedAt === null) return view;
  if (message.seq <= state.readSeq || message.author.id === meId) return view;
  const mentions = callsMe(held, view.room, meId) ? Math.max(0, state.mentions - 1) : state.mentions;
  return { ...view, attention: { ...state, unread: Math.max(0, state.unread - 1), mentions } };
}

/** The badge's number: a muted room shows none but its mentions. */
export function shownUnread(state: ReadState): number {
  return state.muted ? 0 : state.unread;
}
