import type { FastifyInstance } from 'fastify';
import { Server, type ServerOptions } from 'socket.io';
import { limits } from '../../contract/limits.js';
import type { CoreDeps } from '../core/shared/deps.js';
import { socketClosed, socketOpened } from '../core/presence/presence.js';
import type { OriginPolicy } from '../transport/origin.js';
import type { Metrics } from '../ops/metrics.js';
import type { Readiness } from '../ops/readiness.js';
import { registerCommands, type CommandContext, type CommandHandlers } from './command-path.js';
import { authenticateHandshake, refusal } from './handshake.js';
import { InFlight } from './in-flight.js';
import { messageCommands } from './message-commands.js';
import { attentionCommands } from './attention-commands.js';
import { roomCommands } from './room-commands.js';
import { channel, type HearthServer, type HearthSocket } from './types.js';

export interface GatewayOptions {
  origins: OriginPolicy;
  /** Sockets one user may hold on this process; beyond it the oldest is closed. */
  maxSocketsPerUser: number;
  shutdownGraceMs: number;
  readiness: Readiness;
  metrics: Metrics;
}

/** `adapter` spans several processes (Redis); without it, Socket.IO's in-memory one. */
export function createSocketServer(
  app: FastifyInstance,
  origins: OriginPolicy,
  adapter?: ServerOptions['adapter'],
  websocketOnly = false,
): HearthServer {
  return new Server(app.server, {
    ...(adapter ? { adapter } : {}),
    // Behind a balancer without sticky sessions (HEARTH_WORKERS), a long-polling client's requests
    // would land on different processes; WebSocket is one connection, so it needs no stickiness.
    ...(websocketOnly ? { transports: ['websocket' as const] } : {}),
    serveClient: false,
    maxHttpBufferSize: limits.socketFrameBytes,
    perMessageDeflate: false,
    cors: origins.allowedOrigins.length ? { origin: [...origins.allowedOrigins], credentials: true } : undefined,
  });
}

/** Wires handshake, presence and event handlers; drains acknowledgements before the server closes. */
export function attachGateway(app: FastifyInstance, io: HearthServer, deps: CoreDeps, options: GatewayOptions): void {
  const ctx: CommandContext = {
    inFlight: new InFlight(),
    limiter: deps.limiter,
    onUnexpected: (err, event) => app.log.error({ err, event }, 'socket event failed'),
    readiness: options.readiness,
  };
  const handlers: CommandHandlers = { ...roomCommands(deps), ...messageCommands(deps, options.metrics), ...attentionCommands(deps) };
  let closing = false;
  io.use((_socket, next) => (closing ? next(refusal('UNAVAILABLE', 'Shutting down')) : next()));
  io.use(authenticateHandshake(deps, options.origins, (err) => app.log.error({ err }, 'handshake could not read the session')));
  io.on('connection', (socket) => {
    onConnection(socket, deps, ctx, handlers, app);
    closeOldestBeyond(io, channel.user(socket.data.user.id), options.maxSocketsPerUser);
  });

  // Graceful stop: refuse new sockets, let owed acknowledgements finish, then hang up so that
  // clients reconnect (to another process, or to this one once restarted) and catch up.
  app.addHook('preClose', async () => {
    closing = true;
    const drained = await ctx.inFlight.drained(options.shutdownGraceMs);
    if (!drained) app.log.warn('shutdown grace period ended with acknowledgements still owed');
    io.local.disconnectSockets(true);
    io.engine.close();
    // The closed sockets' presence updates, so other processes hear these users leave.
    await ctx.inFlight.drained(options.shutdownGraceMs);
  });
  app.addHook('onClose', async () => {
    await io.of('/').adapter.close();
  });
}

/** A script opening sockets in a loop holds at most `max` of them; a person's tabs are far fewer. */
function closeOldestBeyond(io: HearthServer, userChannel: string, max: number): void {
  const ids = io.of('/').adapter.rooms.get(userChannel);
  if (!ids || ids.size <= max) return;
  // A Set keeps insertion order: the first ids joined first.
  for (const id of [...ids].slice(0, ids.size - max)) {
    const oldest = io.of('/').sockets.get(id);
    // Said first, so the client stays closed instead of reconnecting and evicting the next one.
    oldest?.emit('socket:closing', { reason: 'too_many_sockets' });
    oldest?.disconnect(true);
  }
}

function onConnection(socket: HearthSocket, deps: CoreDeps, ctx: CommandContext, handlers: CommandHandlers, app: FastifyInstance): void {
  const user = socket.data.user;
  // Handlers first, so an event sent right after connecting is not dropped while rooms load.
  registerCommands(socket, ctx, handlers);
  // Joining a socket of this process is bookkeeping in this process's adapter (the in-memory one
  // and the Redis Streams one alike): it cannot fail, though its type allows a promise.
  void socket.join([channel.user(user.id), channel.session(socket.data.tokenHash)]);
  const opened = socketOpened(deps, user, socket.id).then(
    (roomIds) => {
      if (socket.connected) void socket.join(roomIds.map(channel.room));
    },
    (err: unknown) => {
      app.log.error({ err }, 'could not subscribe socket to its rooms');
      socket.disconnect(true);
    },
  );
  // Presence must see the close after the open, or a quick disconnect would leave the user online.
  socket.on('disconnect', () => {
    const closed = opened.then(() => socketClosed(deps, user, socket.id));
    void ctx.inFlight.track(closed).catch((err: unknown) => app.log.error({ err }, 'presence update failed'));
  });
}
