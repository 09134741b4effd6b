import type { FastifyInstance } from 'fastify';
import {
  createRoomBody,
  inviteParams,
  roomsQuery,
  joinRoomBody,
  messageParams,
  messagesQuery,
  roomIdParams,
} from '../../contract/schemas.js';
import { whoReacted } from '../core/messages/who-reacted.js';
import type { CoreDeps } from '../core/shared/deps.js';
import { createRoom } from '../core/rooms/create-room.js';
import { joinRoomByCode, joinRoomByName } from '../core/rooms/join-by-code-or-name.js';
import { previewInvite } from '../core/rooms/invite.js';
import { getRoom, listRooms, readHistory } from '../core/rooms/read-rooms.js';
import { regenerateRoomCode } from '../core/rooms/room-code.js';
import { parse } from './parse.js';
import { requireUser } from './session-context.js';

export function roomRoutes(deps: CoreDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/api/rooms', async (request) => listRooms(deps, requireUser(request), parse(roomsQuery, request.query)));

    app.post('/api/rooms', async (request, reply) => {
      const user = requireUser(request);
      const room = await createRoom(deps, user, parse(createRoomBody, request.body));
      return reply.status(201).send({ room });
    });

    app.post('/api/rooms/join', async (request) => {
      const user = requireUser(request);
      const body = parse(joinRoomBody, request.body);
      const room = 'code' in body ? await joinRoomByCode(deps, user, body.code, request.ip) : await joinRoomByName(deps, user, body.name);
      return { room };
    });

    // Signed in or not: an invite link names its room before anyone joins.
    app.get('/api/invites/:code', async (request) => {
      const { code } = parse(inviteParams, request.params);
      return previewInvite(deps, code, { user: request.sessionUser, address: request.ip });
    });

    app.post('/api/rooms/:id/code', async (request) => {
      const user = requireUser(request);
      return { room: await regenerateRoomCode(deps, user, parse(roomIdParams, request.params).id) };
    });

    app.get('/api/rooms/:id', async (request) => {
      const user = requireUser(request);
      return { room: await getRoom(deps, user, parse(roomIdParams, request.params).id) };
    });

    app.get('/api/rooms/:id/messages', async (request, reply) => {
      const user = requireUser(request);
      const { id } = parse(roomIdParams, request.params);
      const page = await readHistory(deps, user, id, parse(messagesQuery, request.query));
      // A page with emoji in it is a two-byte string: handed over as a string, Node measures its
      // UTF-8 length once for Content-Length and encodes it again to write it. Encoded once here.
      return reply.type('application/json; charset=utf-8').send(Buffer.from(JSON.stringify(page)));
    });

    app.get('/api/rooms/:id/messages/:messageId/reactions', async (request) => {
      const user = requireUser(request);
      const { id, messageId } = parse(messageParams, request.params);
      return { reactions: await whoReacted(deps, user, id, messageId) };
    });
  };
}
