import type { Message, Room, User } from '../../contract/index.js';

/** Builders for the state tests. */

export const ann: User = { id: 'u-ann', username: 'Ann', kind: 'guest', createdAt: '2025-01-01T09:00:00.000Z' };
export const bob: User = { id: 'u-bob', username: 'Bob', kind: 'guest', createdAt: '2025-01-01T09:00:00.000Z' };

export function room(overrides: Partial<Room> = {}): Room {
  return {
    id: 'r-1',
    kind: 'room',
    name: 'Kitchen',
    topic: '',
    visibility: 'public',
    code: 'ABCDEF23',
    memberCount: 2,
    lastSeq: 0,
    lastChange: 0,
    createdAt: '2025-01-01T09:00:00.000Z',
    lastActivityAt: '2025-01-01T09:00:00.000Z',
    mentionPolicy: 'everyone',
    ...overrides,
  };
}

export function message(seq: number, author: User = bob, overrides: Partial<Message> = {}): Message {
  return {
    id: `m-${seq}`,
    roomId: 'r-1',
    seq,
    change: seq,
    author: { id: author.id, username: author.username },
    text: `message ${seq}`,
    clientId: `c-${author.id}-${seq}`,
    createdAt: new Date(Date.parse('2025-01-01T10:00:00.000Z') + seq * 1000).toISOString(),
    editedAt: null,
    deletedAt: null,
    replyTo: null,
    reactions: [],
    mentions: [],
    attachments: [],
    preview: null,
    ...overrides,
  };
}

export function messages(from: number, to: number, author: User = bob): Message[] {
  const list: Message[] = [];
  for (let seq = from; seq <= to; seq++) list.push(message(seq, author));
  return list;
}
