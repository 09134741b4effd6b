import { chat } from '../../store.js';
import { closeSocket } from '../socket.js';

/** Evicted as the oldest of too many sockets: stay closed, or two tabs would evict each other forever. */
export function onSocketClosing(): void {
  closeSocket();
  chat.dispatch({ type: 'connection/changed', status: 'closed' });
}
