import type { MessageSendAck, RoomJoinAck } from '../../src/contract/events.js';
import type { Room } from '../../src/contract/types.js';
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
