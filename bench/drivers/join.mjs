// The part of enrolment both targets share: open a socket and `room:join` it, checking the ack.
import { connectSocket } from '../lib/bench-socket.mjs';

export async function connectAndJoin({ baseUrl, auth, roomId, onEventFrame, timed = false }) {
  const t0 = timed ? performance.now() : 0;
  const socket = await connectSocket({ baseUrl, auth, onEventFrame });
  const connectMs = timed ? performance.now() - t0 : 0;
  const [ack] = await socket.request('room:join', { roomId });
  if (!ack?.ok) {
    socket.close();
    throw new Error(`room:join refused: ${JSON.stringify(ack).slice(0, 300)}`);
  }
  return { socket, connectMs };
}

/** Splits a flat list of members into rooms of `perRoom`. */
export function byRoom(flat, perRoom) {
  const rooms = [];
  for (let i = 0; i < flat.length; i += perRoom) rooms.push(flat.slice(i, i + perRoom));
  return rooms;
}
