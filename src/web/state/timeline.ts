import type { Message } from '../../contract/index.js';
import type { Notice, PendingMessage, RoomView } from './types.js';

/** What the message list renders, in order: confirmed messages, notices, then own pending sends. */
export type TimelineItem =
  | { kind: 'day'; key: string; day: string }
  | { kind: 'message'; key: string; message: Message; mine: boolean; continued: boolean }
  | { kind: 'pending'; key: string; pending: PendingMessage; continued: boolean }
  | { kind: 'notice'; key: string; notice: Notice }
  /** "New messages": above the first message past the read position the room was opened with. */
  | { kind: 'unread'; key: string }
  /** A run of messages from people the reader blocks, folded into one line until shown. */
  | { kind: 'folded'; key: string; messageIds: string[] };

/** Consecutive messages of one author within this window share one author line. */
const groupWindowMs = 5 * 60 * 1000;

export function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Whose messages fold away: blocked authors, but not the messages the reader chose to show. */
export type Folds = (message: Message) => boolean;

export function buildTimeline(
  view: RoomView,
  meId: string | undefined,
  dayOf: (iso: string) => string = localDay,
  folds: Folds = () => false,
): TimelineItem[] {
  const items: TimelineItem[] = [];
  const notices = [...view.notices].sort((a, b) => a.afterSeq - b.afterSeq);
  let n = 0;
  let day = '';
  let last: { authorId: string; at: number } | null = null;

  const startDay = (iso: string): void => {
    const d = dayOf(iso);
    if (d === day) return;
    day = d;
    last = null;
    items.push({ kind: 'day', key: `day:${d}`, day: d });
  };
  const continues = (authorId: string, iso: string): boolean => {
    const at = Date.parse(iso);
    const result = last !== null && last.authorId === authorId && at - last.at < groupWindowMs;
    last = { authorId, at };
    return result;
  };
  const pushNotice = (notice: Notice): void => {
    startDay(notice.createdAt);
    last = null;
    items.push({ kind: 'notice', key: `notice:${notice.id}`, notice });
  };

  let unreadPlaced = view.unreadAfterSeq === null;
  for (const message of view.messages) {
    while (n < notices.length && notices[n]!.afterSeq < message.seq) pushNotice(notices[n++]!);
    startDay(message.createdAt);
    if (!unreadPlaced && message.seq > view.unreadAfterSeq! && message.author.id !== meId) {
      unreadPlaced = true;
      last = null;
      items.push({ kind: 'unread', key: 'unread' });
    }
    if (folds(message)) {
      const previous = items.at(-1);
      if (previous?.kind === 'folded') previous.messageIds.push(message.id);
      else items.push({ kind: 'folded', key: `folded:${message.id}`, messageIds: [message.id] });
      last = null;
      continue;
    }
    const continued = continues(message.author.id, message.createdAt);
    const mine = message.author.id === meId;
    items.push({ kind: 'message', key: `m:${message.author.id}:${message.clientId}`, message, mine, continued });
  }
  while (n < notices.length) pushNotice(notices[n++]!);
  for (const pending of view.pending) {
    startDay(pending.createdAt);
    const continued = continues(meId ?? '', pending.createdAt);
    items.push({ kind: 'pending', key: `m:${meId ?? ''}:${pending.clientId}`, pending, continued });
  }
  return items;
}

/**
 * The list keeps its scroll position when older messages are prepended if its first index
 * drops by exactly the number of items added in front of what it showed before.
 */
export function shiftedFirstIndex(previous: TimelineItem[], next: TimelineItem[], firstIndex: number): number {
  const anchor = previous.find((item) => item.kind !== 'day');
  if (anchor === undefined) return firstIndex;
  const before = previous.indexOf(anchor);
  const after = next.findIndex((item) => item.key === anchor.key);
  return after < 0 ? firstIndex : firstIndex - (after - before);
}
