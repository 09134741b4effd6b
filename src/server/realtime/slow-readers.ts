import type { FastifyInstance } from 'fastify';
import type { HearthServer, HearthSocket } from './types.js';

export interface ReaderBounds {
  /** Packets Engine.IO may hold for one socket while its transport is still busy writing. */
  maxQueuedPackets: number;
  /** Bytes the WebSocket may hold that the connection has not taken yet. */
  maxBufferedBytes: number;
  intervalMs: number;
}

// Engine.IO keeps both counts private; they are the only measure of a reader falling behind.
interface EngineInternals {
  writeBuffer?: unknown[];
  transport?: { socket?: { bufferedAmount?: number; terminate?: () => void } };
}

function backlogOf(socket: HearthSocket): { packets: number; bytes: number } {
  const conn = socket.conn as unknown as EngineInternals;
  return { packets: conn.writeBuffer?.length ?? 0, bytes: conn.transport?.socket?.bufferedAmount ?? 0 };
}

/**
 * A client that stops reading (a frozen tab, a script that never reads) would make the server
 * keep every message for it, without end, in this process's memory. Past the bounds it is
 * closed; a live client reconnects and catches up by seq, losing nothing.
 */
export function closeSlowReaders(app: FastifyInstance, io: HearthServer, bounds: ReaderBounds): void {
  const timer = setInterval(() => {
    for (const socket of io.of('/').sockets.values()) {
      const { packets, bytes } = backlogOf(socket);
      if (packets <= bounds.maxQueuedPackets && bytes <= bounds.maxBufferedBytes) continue;
      app.log.warn({ user: socket.data.user.id, packets, bytes }, 'closing a socket that stopped reading');
      // A polite close would wait for the backlog to drain, which is what never happens here.
      const transport = (socket.conn as unknown as EngineInternals).transport;
      if (transport?.socket?.terminate) transport.socket.terminate();
      else socket.disconnect(true);
    }
  }, bounds.intervalMs);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
