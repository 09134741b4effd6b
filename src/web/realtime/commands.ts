import { olderMessages } from '../http/endpoints.js';
import { chat } from '../store.js';
import type { Attachment, ReplyRef } from '../../contract/index.js';
import type { PendingMessage } from '../state/types.js';
import { newClientId } from '../lib/client-id.js';
import { emitCommand, noAnswer, runCommand } from './emit.js';
import { roomRequests } from './room-requests.js';
import { connectedSocket } from './socket.js';

/** Client → server commands. Each resolves once the server acknowledged, and updates the store. */

export { CommandError } from './emit.js';

/** Opens a room for the first time: its newest page, its online list; joins a public room. */
export function joinRoom(roomId: string): Promise<void> {
  return roomRequests.joinOnce(roomId, async () => {
    const join = await runCommand('room:join', { roomId });
    chat.dispatch({ type: 'room/joined', join, mode: 'initial' });
  });
}

/**
 * Fetches every change after the position held without a hole (new messages, edits, deletions,
 * reactions), page by page: the room ends as the server holds it.
 */
export function catchUp(roomId: string): Promise<void> {
  return roomRequests.catchUpOnce(roomId, async () => {
    for (let page = 0; page < 1000; page++) {
      const socket = connectedSocket();
      const view = chat.getState().rooms[roomId];
      if (socket === null || view === undefined || !view.loaded) return;
      const ack = await emitCommand(socket, 'room:join', { roomId, afterChange: view.syncedChange });
      if (ack === null || !ack.ok) return;
      chat.dispatch({ type: 'room/joined', join: ack, mode: 'catchUp' });
      if (!ack.hasMore) return;
    }
  });
}

export async function loadOlder(roomId: string): Promise<void> {
  const view = chat.getState().rooms[roomId];
  const first = view?.messages[0];
  if (view === undefined || first === undefined || !view.hasOlder || view.loadingOlder) return;
  chat.dispatch({ type: 'room/olderRequested', roomId });
  const page = await olderMessages(roomId, first.seq).catch(() => ({ messages: [], hasMore: true }));
  chat.dispatch({ type: 'room/olderLoaded', roomId, page });
}

/** Whether this tab itself left the room (its own room:member_left echo needs no reaction). */
export const wasLeftHere = (roomId: string): boolean => roomRequests.wasLeftHere(roomId);

export async function leaveRoom(roomId: string): Promise<void> {
  roomRequests.leaving(roomId);
  try {
    await runCommand('room:leave', { roomId });
    chat.dispatch({ type: 'room/left', roomId });
  } finally {
    // The echo comes with or just after the acknowledgement.
    roomRequests.forgetLeaving(roomId, 5000);
  }
}

export async function editMessage(roomId: string, messageId: string, text: string): Promise<void> {
  const { message } = await runCommand('message:edit', { roomId, messageId, text });
  chat.dispatch({ type: 'message/changed', message });
}

export async function deleteMessage(roomId: string, messageId: string): Promise<void> {
  const { message } = await runCommand('message:delete', { roomId, messageId });
  chat.dispatch({ type: 'message/changed', message });
}

export async function toggleReaction(roomId: string, messageId: string, emoji: string): Promise<void> {
  const { message } = await runCommand('message:react', { roomId, messageId, emoji });
  chat.dispatch({ type: 'message/changed', message });
}

/** Shows the message at once as pending; it goes out now, or when the connection is back. */
export function sendMessage(roomId: string, text: string, replyTo?: ReplyRef, attachments: Attachment[] = []): void {
  const clientId = newClientId();
  const createdAt = new Date().toISOString();
  const pending: PendingMessage = {
    clientId,
    roomId,
    text,
    createdAt,
    status: 'pending',
    ...(replyTo ? { replyTo } : {}),
    ...(attachments.length ? { attachments } : {}),
  };
  chat.dispatch({ type: 'message/sending', pending });
  deliver(pending);
}

/** A retry reuses the clientId: the server stores a message once per (author, clientId). */
export function retryMessage(roomId: string, clientId: string): void {
  const pending = chat.getState().rooms[roomId]?.pending.find((p) => p.clientId === clientId);
  if (pending === undefined) return;
  chat.dispatch({ type: 'message/retrying', roomId, clientId });
  deliver(pending);
}

/** Sends every message still pending, after a (re)connection. */
export function flushPending(): void {
  for (const view of Object.values(chat.getState().rooms)) {
    for (const p of view.pending) if (p.status === 'pending') deliver(p);
  }
}

function deliver({ roomId, clientId, text, replyTo, attachments }: PendingMessage): void {
  const socket = connectedSocket();
  if (socket === null) return;
  const payload = {
    roomId,
    text,
    clientId,
    ...(replyTo ? { replyTo: replyTo.id } : {}),
    ...(attachments?.length ? { attachments: attachments.map((a) => a.id) } : {}),
  };
  void emitCommand(socket, 'message:send', payload).then((ack) => {
    if (ack?.ok) chat.dispatch({ type: 'message/created', message: ack.message });
    else if (ack) chat.dispatch({ type: 'message/failed', roomId, clientId, error: ack.error });
    // Without a connection the message stays pending and goes out again on reconnect.
    else if (connectedSocket() !== null) chat.dispatch({ type: 'message/failed', roomId, clientId, error: noAnswer });
  });
}
