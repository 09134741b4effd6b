import { expect, it } from 'vitest';
import type { Room } from '../../src/contract/types.js';
import { createRoom, enter, send } from './chat.js';
import { api, guest, type Client, type Guest } from './hearth.js';

type Server = { url: string };
export type MatrixKind = 'public' | 'private' | 'direct' | 'group';
type Outcome = 'ok' | 'hidden' | 'forbidden' | 'refused';
type ByKind = Record<MatrixKind, Outcome>;

const everywhere = (outcome: Outcome): ByKind => ({ public: outcome, private: outcome, direct: outcome, group: outcome });
const readable: ByKind = { public: 'ok', private: 'hidden', direct: 'hidden', group: 'hidden' };
/** Group actions: not a direct room answers as missing; a one-to-one refuses. */
const groupOnly: ByKind = { public: 'hidden', private: 'hidden', direct: 'refused', group: 'ok' };

/*
 * Who may do what on each kind of room, as one table: a member, and an outsider (signed in, not a
 * member). "hidden" is the answer a room that does not exist gets: an outsider learns nothing.
 */
const matrix: Array<[action: string, member: ByKind, outsider: ByKind]> = [
  ['read the room', everywhere('ok'), readable],
  ['read its history', everywhere('ok'), readable],
  ['see its members', everywhere('ok'), readable],
  ['open it (room:join)', everywhere('ok'), readable],
  ['send to it without opening it', everywhere('ok'), { ...everywhere('hidden'), public: 'forbidden' }],
  ['see it in the directory', everywhere('hidden'), readable],
  ['name it', groupOnly, everywhere('hidden')],
  ['add someone to it', groupOnly, everywhere('hidden')],
  ['leave it', { ...everywhere('ok'), direct: 'refused' }, readable],
];

export interface MatrixSides {
  /** Where the owner sets the room up. */
  setUpOn: Server;
  /** Where the member and the outsider act (another process, in the cluster run). */
  actOn: Server;
  open(server: Server, token: string): Promise<Client>;
}

/** One test per kind of room, each action on a fresh room. */
export function authorizationMatrix(sides: () => MatrixSides, label: string): void {
  const startDirect = async (server: Server, who: Guest, userIds: string[]) =>
    (await api<{ room: Room }>(server, 'POST', '/api/direct', { token: who.token, body: { userIds } })).body.room;

  async function setUp(kind: MatrixKind) {
    const { setUpOn } = sides();
    const [owner, member, outsider, third] = await Promise.all([1, 2, 3, 4].map(() => guest(setUpOn)));
    let room: Room;
    if (kind === 'direct') room = await startDirect(setUpOn, owner!, [member!.user.id]);
    else if (kind === 'group') room = await startDirect(setUpOn, owner!, [member!.user.id, third!.user.id]);
    else {
      room = await createRoom(setUpOn, owner!, `matrix ${kind} ${label} ${process.pid} ${Math.random()}`, kind);
      await api(setUpOn, 'POST', '/api/rooms/join', { token: member!.token, body: { code: room.code } });
    }
    return { room, member: member!, outsider: outsider! };
  }

  async function attempt(action: string, room: Room, who: Guest): Promise<Outcome> {
    const { actOn: server, setUpOn, open } = sides();
    const as = (status: number, code?: string): Outcome =>
      status < 300
        ? 'ok'
        : code === 'NOT_FOUND'
          ? 'hidden'
          : code === 'FORBIDDEN'
            ? 'forbidden'
            : code === 'BAD_REQUEST'
              ? 'refused'
              : (`status ${status} ${code}` as Outcome);
    const http = async (method: string, path: string, body?: unknown) => {
      const r = await api<{ error?: { code: string } }>(server, method, path, { token: who.token, body });
      return as(r.status, r.body.error?.code);
    };
    switch (action) {
      case 'read the room':
        return http('GET', `/api/rooms/${room.id}`);
      case 'read its history':
        return http('GET', `/api/rooms/${room.id}/messages`);
      case 'see its members':
        return http('GET', `/api/rooms/${room.id}/members`);
      case 'name it':
        return http('PATCH', `/api/direct/${room.id}`, { name: 'Lunch club' });
      case 'add someone to it':
        return http('POST', `/api/direct/${room.id}/people`, { userIds: [(await guest(setUpOn)).user.id] });
      case 'see it in the directory': {
        const r = await api<{ rooms: Room[]; memberOf: string[] }>(server, 'GET', '/api/rooms?limit=100', { token: who.token });
        return r.body.rooms.some((x) => x.id === room.id && !r.body.memberOf.includes(x.id)) ? 'ok' : 'hidden';
      }
    }
    const client = await open(server, who.token);
    if (action === 'leave it') {
      const ack = (await client.socket.timeout(3000).emitWithAck('room:leave', { roomId: room.id })) as
        { ok: true } | { ok: false; error: { code: string } };
      return ack.ok ? 'ok' : as(400, ack.error.code);
    }
    const ack = action === 'open it (room:join)' ? await enter(client, room.id) : await send(client, room.id, 'knock knock');
    return ack.ok ? 'ok' : as(400, ack.error.code);
  }

  for (const kind of ['public', 'private', 'direct', 'group'] as const) {
    it(`the authorization matrix on a ${kind === 'direct' ? 'one-to-one' : kind === 'group' ? 'group conversation' : `${kind} room`}`, async () => {
      const got: string[] = [];
      const want: string[] = [];
      for (const [action, member, outsider] of matrix) {
        const fresh = await setUp(kind);
        got.push(
          `${action}: member ${await attempt(action, fresh.room, fresh.member)}, outsider ${await attempt(action, fresh.room, fresh.outsider)}`,
        );
        want.push(`${action}: member ${member[kind]}, outsider ${outsider[kind]}`);
      }
      expect(got).toEqual(want);
    });
  }
}
