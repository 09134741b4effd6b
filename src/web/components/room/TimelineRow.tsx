import type { ReactElement } from 'react';
import { formatDay, formatFull, formatTime } from '../../lib/format.js';
import type { TimelineItem } from '../../state/timeline.js';
import { useChat } from '../../store.js';
import { MessageRow } from './MessageRow.js';

export function TimelineRow({
  item,
  roomId,
  onReveal,
}: {
  item: TimelineItem;
  roomId: string;
  onReveal: (messageIds: string[]) => void;
}): ReactElement {
  const me = useChat((s) => s.me);
  switch (item.kind) {
    case 'day':
      return (
        <div className="flex items-center gap-3 px-4 pt-5 pb-2 sm:px-6" role="separator" aria-label={formatDay(item.day)}>
          <span className="h-px flex-1 bg-stone-200" />
          <span className="text-xs font-medium text-stone-500">{formatDay(item.day)}</span>
          <span className="h-px flex-1 bg-stone-200" />
        </div>
      );
    case 'unread':
      return (
        <div className="flex items-center gap-3 px-4 pt-3 pb-1 sm:px-6" role="separator" aria-label="New messages">
          <span className="h-px flex-1 bg-orange-400" />
          <span className="text-xs font-semibold text-orange-700">New messages</span>
          <span className="h-px flex-1 bg-orange-400" />
        </div>
      );
    case 'notice':
      return (
        <p className="px-4 py-1.5 text-center text-xs text-stone-500 sm:px-6">
          <span className="rounded-full bg-stone-100 px-2.5 py-1">
            <span>{item.notice.text}</span>
            <time dateTime={item.notice.createdAt} title={formatFull(item.notice.createdAt)} className="ml-1.5 text-stone-400">
              {formatTime(item.notice.createdAt)}
            </time>
          </span>
        </p>
      );
    case 'folded': {
      const count = item.messageIds.length;
      return (
        <p className="px-4 py-1 sm:px-6">
          <button
            type="button"
            onClick={() => onReveal(item.messageIds)}
            className="rounded-full border border-dashed border-stone-300 px-3 py-1 text-xs text-stone-500 hover:bg-stone-100"
          >
            {count === 1 ? '1 message' : `${count} messages`} from a blocked user
            <span className="text-stone-400"> · Show</span>
          </button>
        </p>
      );
    }
    case 'message':
      return (
        <MessageRow
          author={item.message.author}
          text={item.message.text}
          createdAt={item.message.createdAt}
          mine={item.mine}
          continued={item.continued}
          message={item.message}
          roomId={roomId}
        />
      );
    case 'pending':
      return (
        <MessageRow
          author={{ id: me?.id ?? '', username: me?.username ?? '' }}
          text={item.pending.text}
          createdAt={item.pending.createdAt}
          mine
          continued={item.continued}
          pending={item.pending}
          roomId={roomId}
        />
      );
  }
}
