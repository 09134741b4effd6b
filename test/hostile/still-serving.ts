import { expect } from 'vitest';
import { createRoom, enter, send } from '../support/chat.js';
import { connect, guest, startHearth, waitFor, type Guest, type TestServer } from '../support/hearth.js';
import { openRawSocket, type RawSocket } from './raw-socket.js';

/** A server under attack, and a member in a room of it who checks that it still does its job. */
export interface Target {
  server: TestServer;
  ann: Guest;
  roomId: string;
}

export async function startTarget(roomName: string): Promise<Target> {
  const server = await startHearth();
  const ann = await guest(server);
  return { server, ann, roomId: (await createRoom(server, ann, roomName)).id };
}

/** The server still does its job for a well-behaved client, over the socket protocol end to end. */
export async function serverStillChats({ server, ann, roomId }: Target): Promise<void> {
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  const client = await connect(server, ann.token);
  try {
    expect((await enter(client, roomId)).ok).toBe(true);
    expect((await send(client, roomId, 'still here')).ok).toBe(true);
  } finally {
    client.close();
  }
}

/** Engine.IO open, then a Socket.IO CONNECT with the token: a signed-in socket spoken to by hand. */
export async function signedInRawSocket(url: string, token: string): Promise<RawSocket> {
  const raw = await openRawSocket(url);
  await waitFor(() => raw.frames.some((f) => f.startsWith('0{')), 'the Engine.IO open packet');
  raw.send(`40${JSON.stringify({ token })}`);
  await waitFor(() => raw.frames.some((f) => f.startsWith('40{')), 'the Socket.IO connect acknowledgement');
  return raw;
}
