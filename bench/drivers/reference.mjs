// Enrolment on the bare Socket.IO reference (bench/reference/bare-socketio.mjs): no sessions and
// no REST, a room is just a name, and the handshake's `auth.username` is taken on trust.
import { mapLimit } from '../lib/pool.mjs';
import { byRoom, connectAndJoin } from './join.mjs';

export async function prepareRooms({ count, tag }) {
  return Array.from({ length: count }, (_, r) => `${tag}-room-${r}`);
}

export async function enrolOne({ urls, index, member, roomId, tag, onEventFrame }) {
  const t0 = performance.now();
  const url = urls[member % urls.length];
  const { socket, connectMs } = await connectAndJoin({
    baseUrl: url,
    auth: { username: `${tag}-${index}` },
    roomId,
    onEventFrame,
    timed: true,
  });
  const totalMs = performance.now() - t0;
  return { socket, sessionMs: 0, connectMs, joinMs: totalMs - connectMs, totalMs };
}

export async function enrol({ urls, rooms, perRoom, tag, onEventFrame }) {
  const roomIds = await prepareRooms({ count: rooms, tag });
  const flat = await mapLimit(rooms * perRoom, 32, async (i) => {
    const { socket } = await connectAndJoin({
      baseUrl: urls[(i % perRoom) % urls.length],
      auth: { username: `${tag}-${i}` },
      roomId: roomIds[Math.floor(i / perRoom)],
      onEventFrame,
    });
    return socket;
  });
  return { roomIds, members: byRoom(flat, perRoom) };
}
