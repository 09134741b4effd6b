import { del, get, set } from 'idb-keyval';
import type { PendingMessage } from '../state/types.js';
import type { ChatState } from '../state/types.js';

/**
 * Messages written but not yet acknowledged survive a reload and a closed tab: they are kept in
 * IndexedDB (through idb-keyval) per person, and sent again with the same clientId when the page
 * is back, so the server stores each once. One key per user holds the list.
 */
const keyOf = (userId: string) => `hearth:outbox:${userId}`;

export function pendingOf(state: ChatState): PendingMessage[] {
  return Object.values(state.rooms).flatMap((view) => view.pending);
}

export async function readOutbox(userId: string): Promise<PendingMessage[]> {
  const stored: unknown = await get(keyOf(userId));
  return Array.isArray(stored) ? (stored as PendingMessage[]) : [];
}

/** Writes the list when it changed since the last write; an empty list removes the key. */
export function outboxWriter(): (userId: string, pending: PendingMessage[]) => void {
  let last = '';
  return (userId, pending) => {
    const snapshot = JSON.stringify(pending);
    if (snapshot === last) return;
    last = snapshot;
    void (pending.length ? set(keyOf(userId), pending) : del(keyOf(userId))).catch(() => undefined);
  };
}
