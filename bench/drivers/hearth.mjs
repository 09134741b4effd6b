// Enrolment on Hearth, through the public contract (shared PROTOCOL.md) only: a guest session per
// member, rooms made over REST, then a socket per member authenticated with `auth: { token }` that
// joins its room with `room:join`. With several server processes (`urls`), the members of a room
// are dealt round-robin over them, so every message has to cross from one process to the other.
/* global AbortSignal -- Node's, and missing from the lint config's list */
import { mapLimit } from '../lib/pool.mjs';
import { byRoom, connectAndJoin } from './join.mjs';

/** The url member `j` of a room uses. */
export const memberUrl = (urls, j) => urls[j % urls.length];

/** Rooms for `enrolOne`, each made by an owner of its own who never connects a socket. */
export async function prepareRooms({ urls, count, tag }) {
  return mapLimit(count, 8, async (r) => {
    const token = await guestToken(urls[0], `${tag}-owner-${r}`);
    return createRoom(urls[0], token, `${tag} room ${r}`);
  });
}

/** One client's whole arrival: a session, a socket, a joined room; each part timed in ms. */
export async function enrolOne({ urls, index, member, roomId, tag, onEventFrame }) {
  const url = memberUrl(urls, member);
  const t0 = performance.now();
  const token = await guestToken(url, `${tag}-${index}`);
  const t1 = performance.now();
  const { socket, connectMs } = await connectAndJoin({ baseUrl: url, auth: { token }, roomId, onEventFrame, timed: true });
  const t2 = performance.now();
  return { socket, sessionMs: t1 - t0, connectMs, joinMs: t2 - t1 - connectMs, totalMs: t2 - t0 };
}

/** rooms × perRoom members; the first member of each room creates it (and is its owner). */
export async function enrol({ urls, rooms, perRoom, tag, onEventFrame }) {
  const tokens = await mapLimit(rooms * perRoom, 16, (i) => guestToken(memberUrl(urls, i % perRoom), `${tag}-${i}`));
  const roomIds = await mapLimit(rooms, 4, (r) => createRoom(urls[0], tokens[r * perRoom], `${tag} room ${r}`));
  const flat = await mapLimit(rooms * perRoom, 32, async (i) => {
    const url = memberUrl(urls, i % perRoom);
    const { socket } = await connectAndJoin({
      baseUrl: url,
      auth: { token: tokens[i] },
      roomId: roomIds[Math.floor(i / perRoom)],
      onEventFrame,
    });
    return socket;
  });
  return { roomIds, members: byRoom(flat, perRoom) };
}

export async function guestToken(baseUrl, username) {
  const { token } = await postJson(baseUrl, '/api/auth/guest', { username });
  return token;
}

async function createRoom(baseUrl, token, name) {
  const { room } = await postJson(baseUrl, '/api/rooms', { name }, { authorization: `Bearer ${token}` });
  return room.id;
}

export async function postJson(baseUrl, path, body, headers = {}) {
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
