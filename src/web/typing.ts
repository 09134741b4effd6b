import { emitCommand } from './realtime/emit.js';
import { connectedSocket } from './realtime/socket.js';

/** While one types, the room hears so every few seconds; readers let it lapse after `typingLapseMs`. */
const everyMs = 3000;
export const typingLapseMs = 6000;
const lastSaid = new Map<string, number>();

export function sayTyping(roomId: string): void {
  const now = Date.now();
  if (now - (lastSaid.get(roomId) ?? 0) < everyMs) return;
  const socket = connectedSocket();
  if (socket === null) return;
  lastSaid.set(roomId, now);
  void emitCommand(socket, 'room:typing', { roomId });
}

/** After a send the next keystroke says it again at once. */
export function stoppedTyping(roomId: string): void {
  lastSaid.delete(roomId);
}
