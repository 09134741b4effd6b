import { onConnect, onConnectError, onDisconnect } from './handlers/connection.js';
import { onMemberJoined } from './handlers/member-joined.js';
import { onMemberLeft } from './handlers/member-left.js';
import { onMessageChanged } from './handlers/message-changed.js';
import { onMessageCreated } from './handlers/message-created.js';
import { onPresence } from './handlers/presence.js';
import { onRoomAdded, onRoomUpdated } from './handlers/room-updated.js';
import { chat } from '../store.js';
import { onSocketClosing } from './handlers/socket-closing.js';
import { onSessionEnded } from './handlers/session-ended.js';
import type { SessionControl } from './session-control.js';
import { openSocket } from './socket.js';

/** Opens the session's socket and wires one handler per server event. */
export function connectRealtime(session: SessionControl): void {
  const socket = openSocket();
  socket.on('connect', () => void onConnect());
  socket.on('disconnect', (reason) => onDisconnect(socket, reason, session));
  socket.on('connect_error', (error) => onConnectError(socket, error, session));
  socket.on('message:created', onMessageCreated);
  socket.on('message:updated', onMessageChanged);
  socket.on('message:deleted', onMessageChanged);
  socket.on('message:reactions', onMessageChanged);
  socket.on('room:member_joined', onMemberJoined);
  socket.on('room:member_left', onMemberLeft);
  socket.on('room:presence', onPresence);
  socket.on('session:ended', () => onSessionEnded(session));
  socket.on('room:updated', onRoomUpdated);
  socket.on('room:added', onRoomAdded);
  socket.on('person:blocked', ({ userId, blocked }) => chat.dispatch({ type: 'person/blocked', userId, blocked }));
  socket.on('socket:closing', onSocketClosing);
  socket.on('room:attention', ({ attention }) => chat.dispatch({ type: 'attention/changed', attention }));
  socket.on('room:typing', ({ roomId, user }) => chat.dispatch({ type: 'typing/started', roomId, user, at: Date.now() }));
}
