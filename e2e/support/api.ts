import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, Message, Room, ServerToClientEvents, User } from '../../src/contract/index.js';

/** A participant driven over the API and a socket, to set the scene quickly (seeding history). */
export interface Bot {
  user: User;
  token: string;
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  close(): void;
}

export async function botJoining(baseURL: string, username: string, roomName: string): Promise<{ bot: Bot; room: Room }> {
  const guest = await post<{ user: User; token: string }>(baseURL, '/api/auth/guest', { username });
  const { room } = await post<{ room: Room }>(baseURL, '/api/rooms/join', { name: roomName }, guest.token);
  const socket: Bot['socket'] = io(baseURL, { transports: ['websocket'], auth: { token: guest.token }, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return { bot: { user: guest.user, token: guest.token, socket, close: () => socket.disconnect() }, room };
}

export async function botSays(bot: Bot, roomId: string, text: string): Promise<Message> {
  const ack = await bot.socket.timeout(10_000).emitWithAck('message:send', { roomId, text, clientId: `seed-${text}` });
  if (!ack.ok) throw new Error(`message:send failed: ${ack.error.code} ${ack.error.message}`);
  return ack.message;
}

async function post<T>(baseURL: string, path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(new URL(path, baseURL), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}
