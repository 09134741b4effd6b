import { roomTitle } from '../../lib/room-title.js';
import { type ReactElement, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Virtuoso, type VirtuosoHandle } from 'react-virtuoso';
import { loadOlder } from '../../realtime/commands.js';
import { buildTimeline, localDay, shiftedFirstIndex, type TimelineItem } from '../../state/timeline.js';
import type { Message } from '../../../contract/index.js';
import type { RoomView } from '../../state/types.js';
import { chat, useChat } from '../../store.js';
import { ArrowDownIcon } from '../icons.js';
import { EmptyRoom } from './EmptyRoom.js';
import { TimelineRow } from './TimelineRow.js';
import { JumpContext } from './jump.js';
import { markSeen } from '../../read-marks.js';

/** How far back a quote may send the list looking for its original (pages of 50). */
const maxPagesBack = 40;

/** Virtuoso needs a first index that only goes down as older pages are prepended. */
const startIndex = 1_000_000;

interface ListContext {
  view: RoomView;
}

/** The conversation: newest at the bottom, older pages loaded on scrolling up, following new ones. */
export function MessageList({ view }: { view: RoomView }): ReactElement {
  const meId = useChat((s) => s.me?.id);
  const blockedIds = useChat((s) => s.blockedIds);
  const [shown, setShown] = useState<ReadonlySet<string>>(() => new Set());
  const folds = useCallback((m: Message) => blockedIds.includes(m.author.id) && !shown.has(m.id), [blockedIds, shown]);
  const reveal = useCallback((ids: string[]) => setShown((before) => new Set([...before, ...ids])), []);
  const items = useMemo(() => buildTimeline(view, meId, localDay, folds), [view, meId, folds]);
  const previous = useRef<{ items: TimelineItem[]; first: number }>({ items: [], first: startIndex });
  const firstItemIndex = useMemo(() => {
    const first = shiftedFirstIndex(previous.current.items, items, previous.current.first);
    previous.current = { items, first };
    return first;
  }, [items]);
  const list = useRef<VirtuosoHandle>(null);
  const [atBottom, setAtBottom] = useState(true);
  const last = items.at(-1);
  const roomId = view.room.id;
  // Opened with unread messages: start at "New messages" rather than at the bottom.
  const [startAt] = useState(() => {
    const divider = items.findIndex((item) => item.kind === 'unread');
    return divider < 0 ? items.length - 1 : divider;
  });
  const seen = useRef(0);
  const onRange = useCallback(
    ({ endIndex }: { startIndex: number; endIndex: number }) => {
      const shown = items.slice(0, endIndex - firstItemIndex + 1);
      const newest = shown.findLast((item) => item.kind === 'message');
      if (newest?.kind !== 'message') return;
      seen.current = Math.max(seen.current, newest.message.seq);
      markSeen(roomId, seen.current);
    },
    [items, firstItemIndex, roomId],
  );
  // Coming back to the tab: what is on screen now counts as read.
  useEffect(() => {
    const onVisible = () => seen.current > 0 && markSeen(roomId, seen.current);
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [roomId]);

  const jump = useCallback(
    (room: string, seq: number) => {
      void (async () => {
        for (let page = 0; page < maxPagesBack; page++) {
          const held = chat.getState().rooms[room];
          if (held === undefined || (held.messages[0]?.seq ?? Infinity) <= seq || !held.hasOlder) break;
          await loadOlder(room);
        }
        // The list renders (and measures) the loaded pages over a few frames: scroll until the row is there.
        for (let attempt = 0; attempt < 12; attempt++) {
          const now = buildTimeline(chat.getState().rooms[room] ?? view, meId, localDay, folds);
          const index = now.findIndex((item) => item.kind === 'message' && item.message.seq === seq);
          if (index < 0) return;
          const id = (now[index] as Extract<TimelineItem, { kind: 'message' }>).message.id;
          list.current?.scrollToIndex({ index, align: 'center' });
          await new Promise((resolve) => setTimeout(resolve, 120));
          const row = document.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(id)}"]`);
          if (row) {
            row.scrollIntoView({ block: 'center' });
            row.setAttribute('data-highlighted', 'true');
            setTimeout(() => row.removeAttribute('data-highlighted'), 2000);
            return;
          }
        }
      })();
    },
    [meId, view, folds],
  );

  // Opened from a notification (/rooms/:id?seq=N): to that message, once.
  useEffect(() => {
    const seq = Number(new URLSearchParams(location.search).get('seq'));
    if (!Number.isInteger(seq) || seq < 1) return;
    history.replaceState(history.state, '', location.pathname);
    jump(roomId, seq);
    // Only on opening the room (`jump` changes with every page loaded).
  }, [roomId]);

  if (items.length === 0) return <EmptyRoom room={view.room} />;

  return (
    <JumpContext.Provider value={jump}>
      <div role="log" aria-label={roomTitle(view.room, meId)} className="relative min-h-0 flex-1">
        <Virtuoso<TimelineItem, ListContext>
          ref={list}
          className="h-full [overflow-anchor:none]"
          data={items}
          context={{ view }}
          firstItemIndex={firstItemIndex}
          initialTopMostItemIndex={startAt}
          alignToBottom
          computeItemKey={(_, item) => item.key}
          itemContent={(_, item) => <TimelineRow item={item} roomId={roomId} onReveal={reveal} />}
          followOutput={(bottom) => (bottom || last?.kind === 'pending' ? 'smooth' : false)}
          atBottomStateChange={setAtBottom}
          rangeChanged={onRange}
          atBottomThreshold={80}
          startReached={() => void loadOlder(roomId)}
          increaseViewportBy={{ top: 600, bottom: 200 }}
          components={{ Header: ListHeader, Footer: ListFooter }}
        />
        {!atBottom && (
          <button
            type="button"
            onClick={() => list.current?.scrollToIndex({ index: 'LAST', behavior: 'smooth' })}
            className="absolute right-4 bottom-4 inline-flex items-center gap-1.5 rounded-full border border-stone-200 bg-white px-3 py-1.5 text-sm font-medium text-stone-700 shadow-md hover:bg-stone-50"
          >
            <ArrowDownIcon className="size-4" /> Jump to latest
          </button>
        )}
      </div>
    </JumpContext.Provider>
  );
}

function ListHeader({ context }: { context: ListContext }): ReactElement {
  const { view } = context;
  if (view.hasOlder) {
    return <p className="py-4 text-center text-xs text-stone-400">{view.loadingOlder ? 'Loading earlier messages…' : ' '}</p>;
  }
  return (
    <div className="px-4 pt-8 pb-4 sm:px-6">
      <p className="text-sm font-semibold text-stone-800">
        {view.room.kind === 'direct' ? 'This is the start of your conversation' : `This is the start of ${view.room.name}`}
      </p>
      {view.room.topic && <p className="mt-0.5 text-sm text-stone-500">{view.room.topic}</p>}
    </div>
  );
}

function ListFooter(): ReactElement {
  return <div className="h-4" />;
}
