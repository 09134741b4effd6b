// Enrolment on the bare Socket.IO reference (bench/reference/bare-socketio.mjs): no sessions and
// no REST, a room is just a name, and the handshake's `auth.username` is taken on trust.
import { mapLimit } from '../lib/pool.mjs';
import { byRoom, connectAndJoin } from './join.mjs';

export async function enrol({ baseUrl, rooms, perRoom, tag, onEventFrame }) {
  const roomIds = Array.from({ length: rooms }, (_, r) => `${tag}-room-${r}`);
  const flat = await mapLimit(rooms * perRoom, 32, (i) =>
    connectAndJoin({
      baseUrl,
      auth: { username: `${tag}-${i}` },
      roomId: roomIds[Math.floor(i / perRoom)],
      onEventFrame,
    }),
  );
  return { roomIds, members: byRoom(flat, perRoom) };
}
