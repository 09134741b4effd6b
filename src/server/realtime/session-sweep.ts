import type { FastifyInstance } from 'fastify';
import type { CoreDeps } from '../core/shared/deps.js';
import { endedSessions } from '../core/accounts/sessions.js';
import { channel, type HearthServer } from './types.js';

/**
 * A socket is authenticated once, at its handshake; a session can end later by expiring or by
 * reaching its lifetime, with no event to say so. Every interval this process asks which of its
 * sockets' sessions are still alive and closes the others, with `session:ended`.
 */
export function sweepEndedSessions(app: FastifyInstance, io: HearthServer, deps: CoreDeps, intervalMs: number): void {
  let running = false;
  const sweep = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      const hashes = [...new Set([...io.of('/').sockets.values()].map((socket) => socket.data.tokenHash).filter(Boolean))];
      for (const tokenHash of await endedSessions(deps, hashes)) {
        io.local.in(channel.session(tokenHash)).emit('session:ended', { reason: 'session expired' });
        io.local.in(channel.session(tokenHash)).disconnectSockets(true);
      }
    } catch (err) {
      app.log.warn({ err }, 'could not check the sessions of open sockets; trying again later');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void sweep(), intervalMs);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
