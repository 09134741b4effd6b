// The part of enrolment both targets share: open a socket and `room:join` it, checking the ack.
import { connectSocket } from '../lib/bench-socket.mjs';

export async function connectAndJoin({ baseUrl, auth, roomId, onEventFrame }) {
  const socket = await connectSocket({ baseUrl, auth, onEventFrame });
  const [ack] = await socket.request('room:join', { roomId });
  if (!ack?.ok) {
    socket.close();
    throw new Error(`room:join refused: ${JSON.stringify(ack)}`);
  }
  return socket;
}

/** Splits a flat list of members into rooms of `perRoom`. */
export function byRoom(flat, perRoom) {
  const rooms = [];
  for (let i = 0; i < flat.length; i += perRoom) rooms.push(flat.slice(i, i + perRoom));
  return rooms;
}
