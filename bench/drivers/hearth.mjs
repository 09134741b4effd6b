// Enrolment on Hearth, through the public contract (shared PROTOCOL.md) only: a guest session per
// member, one room per group made over REST by its first member, then a socket per member
// authenticated with `auth: { token }` that joins its room with `room:join`.
/* global AbortSignal -- Node's, and missing from the lint config's list */
import { mapLimit } from '../lib/pool.mjs';
import { byRoom, connectAndJoin } from './join.mjs';

export async function enrol({ baseUrl, rooms, perRoom, tag, onEventFrame }) {
  const tokens = await mapLimit(rooms * perRoom, 16, (i) => guestToken(baseUrl, `${tag}-${i}`));
  const roomIds = await mapLimit(rooms, 4, (r) => createRoom(baseUrl, tokens[r * perRoom], `${tag} room ${r}`));
  const flat = await mapLimit(rooms * perRoom, 32, (i) =>
    connectAndJoin({ baseUrl, auth: { token: tokens[i] }, roomId: roomIds[Math.floor(i / perRoom)], onEventFrame }),
  );
  return { roomIds, members: byRoom(flat, perRoom) };
}

async function guestToken(baseUrl, username) {
  const { token } = await postJson(baseUrl, '/api/auth/guest', { username });
  return token;
}

async function createRoom(baseUrl, token, name) {
  const { room } = await postJson(baseUrl, '/api/rooms', { name }, { authorization: `Bearer ${token}` });
  return room.id;
}

async function postJson(baseUrl, path, body, headers = {}) {
  const res = await fetch(baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${path} → ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}
