import { excerptOf, type Message } from '../../contract/index.js';
import type { PendingMessage } from './types.js';

/**
 * Merges confirmed messages, ascending by seq with one message per seq. A room's seq is gapless
 * and never reused, so seq alone identifies a message within the room; of two copies of one
 * message the one with the higher change position (its newer state) is kept.
 */
export function mergeMessages(existing: Message[], incoming: Message[]): Message[] {
  if (incoming.length === 0) return existing;
  const last = existing.at(-1);
  if (isAscending(incoming) && (last === undefined || incoming[0]!.seq > last.seq)) {
    return [...existing, ...incoming];
  }
  const bySeq = new Map<number, Message>();
  for (const message of existing) bySeq.set(message.seq, message);
  let changed = false;
  for (const message of incoming) {
    const held = bySeq.get(message.seq);
    if (held === undefined || held.change < message.change) {
      bySeq.set(message.seq, message);
      changed = true;
    }
  }
  if (!changed) return existing;
  const merged = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  return withCurrentQuotes(merged, incoming);
}

/** A reply shows the message it answers as it is now: an edit or a deletion reaches its quotes. */
function withCurrentQuotes(messages: Message[], changed: Message[]): Message[] {
  const now = new Map(changed.map((m) => [m.id, m]));
  return messages.map((m) => {
    const answered = m.replyTo ? now.get(m.replyTo.id) : undefined;
    if (!m.replyTo || !answered) return m;
    const quote = { ...m.replyTo, excerpt: excerptOf(answered.text), deleted: answered.deletedAt !== null };
    return quote.excerpt === m.replyTo.excerpt && quote.deleted === m.replyTo.deleted ? m : { ...m, replyTo: quote };
  });
}

function isAscending(messages: Message[]): boolean {
  for (let i = 1; i < messages.length; i++) {
    if (messages[i]!.seq <= messages[i - 1]!.seq) return false;
  }
  return true;
}

/**
 * The seq up to which the client holds every message without a hole, starting from its oldest
 * message: the `afterSeq` to catch up from. 0 when it holds nothing.
 */
export function lastContiguousSeq(messages: Message[]): number {
  const first = messages[0];
  if (first === undefined) return 0;
  let seq = first.seq;
  for (let i = 1; i < messages.length; i++) {
    const next = messages[i]!.seq;
    if (next !== seq + 1) break;
    seq = next;
  }
  return seq;
}

export function hasGap(messages: Message[]): boolean {
  const last = messages.at(-1);
  return last !== undefined && lastContiguousSeq(messages) !== last.seq;
}

/** Drops the pending messages that the server has confirmed (same author, same clientId). */
export function settlePending(pending: PendingMessage[], confirmed: Message[], meId: string | undefined): PendingMessage[] {
  if (pending.length === 0 || meId === undefined) return pending;
  const mine = new Set(confirmed.filter((m) => m.author.id === meId).map((m) => m.clientId));
  if (mine.size === 0) return pending;
  const left = pending.filter((p) => !mine.has(p.clientId));
  return left.length === pending.length ? pending : left;
}
