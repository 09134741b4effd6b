import { emitCommand } from './realtime/emit.js';
import { connectedSocket } from './realtime/socket.js';
import { chat } from './store.js';

/**
 * "Read" is what has been on screen in a visible tab. The newest seq seen per room is sent at most
 * every `spacingMs` (one mark covers everything before it); the server's answer, and its
 * room:attention to the person's other tabs and devices, bring the new counts.
 */
const spacingMs = 400;
const waiting = new Map<string, number>();
let timer: ReturnType<typeof setTimeout> | null = null;

export function markSeen(roomId: string, seq: number): void {
  if (document.visibilityState !== 'visible') return;
  const view = chat.getState().rooms[roomId];
  if (view === undefined || seq <= view.attention.readSeq || seq <= (waiting.get(roomId) ?? 0)) return;
  waiting.set(roomId, seq);
  timer ??= setTimeout(flush, spacingMs);
}

function flush(): void {
  timer = null;
  const socket = connectedSocket();
  if (socket === null) return;
  for (const [roomId, seq] of waiting) {
    waiting.delete(roomId);
    void emitCommand(socket, 'room:read', { roomId, seq }).then((ack) => {
      if (ack?.ok) chat.dispatch({ type: 'attention/changed', attention: ack.attention });
    });
  }
}
