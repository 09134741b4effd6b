import type { MessageSendAck, RoomJoinAck } from '../../src/contract/events.js';
import type { CommandAck } from '../../src/contract/commands.js';
import type { Message, Room } from '../../src/contract/types.js';
import { api, type Client, type Guest } from './hearth.js';

/** Product-level steps shared by the realtime tests. */

export async function createRoom(
  server: { url: string },
  owner: Guest,
  name: string,
  visibility: 'public' | 'private' = 'public',
): Promise<Room> {
  const res = await api<{ room: Room }>(server, 'POST', '/api/rooms', { token: owner.token, body: { name, visibility } });
  if (res.status !== 201) throw new Error(`create room: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.room;
}

export async function joinByCode(server: { url: string }, who: Guest, code: string): Promise<Room> {
  const res = await api<{ room: Room }>(server, 'POST', '/api/rooms/join', { token: who.token, body: { code } });
  if (res.status !== 200) throw new Error(`join by code: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.room;
}

export function enter(client: Client, roomId: string, afterSeq?: number): Promise<RoomJoinAck> {
  return client.socket.timeout(5000).emitWithAck('room:join', afterSeq === undefined ? { roomId } : { roomId, afterSeq });
}

let clientIds = 0;
export function send(client: Client, roomId: string, text: string, clientId = `c${process.pid}-${++clientIds}`): Promise<MessageSendAck> {
  return client.socket.timeout(5000).emitWithAck('message:send', { roomId, text, clientId });
}

export function sendRaw(client: Client, event: string, ...args: unknown[]): Promise<unknown> {
  // Deliberately untyped: these tests send what a hostile or buggy client would.
  const loose = client.socket.timeout(5000) as unknown as { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
  return loose.emitWithAck(event, ...args);
}

export function edit(client: Client, roomId: string, messageId: string, text: string): Promise<CommandAck<'message:edit'>> {
  return client.socket.timeout(5000).emitWithAck('message:edit', { roomId, messageId, text });
}

export function remove(client: Client, roomId: string, messageId: string): Promise<CommandAck<'message:delete'>> {
  return client.socket.timeout(5000).emitWithAck('message:delete', { roomId, messageId });
}

export function react(client: Client, roomId: string, messageId: string, emoji: string): Promise<CommandAck<'message:react'>> {
  return client.socket.timeout(5000).emitWithAck('message:react', { roomId, messageId, emoji });
}

export function reply(client: Client, roomId: string, replyTo: string, text: string): Promise<MessageSendAck> {
  return client.socket.timeout(5000).emitWithAck('message:send', { roomId, text, clientId: `c${process.pid}-${++clientIds}`, replyTo });
}

/**
 * What a client does after a drop: asks for every change after the last position it holds, page
 * by page, and keeps of each message the copy with the higher change. Returns the merged list in
 * seq order and the position it holds at the end.
 */
export async function catchUpByChange(
  client: Client,
  roomId: string,
  held: readonly Message[],
  lastChange: number,
): Promise<{ messages: Message[]; lastChange: number }> {
  const byId = new Map(held.map((m) => [m.id, m]));
  let position = lastChange;
  for (let page = 0; page < 100; page++) {
    const ack = await client.socket.timeout(5000).emitWithAck('room:join', { roomId, afterChange: position });
    if (!ack.ok) throw new Error(`catch-up: ${ack.error.code}`);
    for (const m of ack.messages) if ((byId.get(m.id)?.change ?? -1) < m.change) byId.set(m.id, m);
    // A page ends at its last change; only the last page brings the room's newest position.
    if (ack.hasMore) position = ack.messages.at(-1)?.change ?? position;
    else {
      position = Math.max(position, ack.room.lastChange);
      break;
    }
  }
  return { messages: [...byId.values()].sort((a, b) => a.seq - b.seq), lastChange: position };
}
