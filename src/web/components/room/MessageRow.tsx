import type { ReactElement } from 'react';
import type { Author } from '../../../contract/index.js';
import { formatFull, formatTime } from '../../lib/format.js';
import { retryMessage } from '../../realtime/commands.js';
import type { PendingMessage } from '../../state/types.js';
import { Avatar } from '../Avatar.js';
import { AlertIcon, ClockIcon } from '../icons.js';

interface Props {
  author: Author;
  text: string;
  createdAt: string;
  mine: boolean;
  continued: boolean;
  pending?: PendingMessage;
  roomId?: string;
}

/** One message. Its text is a React text node: markup in it is shown, never interpreted. */
export function MessageRow({ author, text, createdAt, mine, continued, pending, roomId }: Props): ReactElement {
  const failed = pending?.status === 'failed';
  const name = author.username;
  const mineShade = failed ? 'bg-orange-700/60 ring-2 ring-red-500' : pending ? 'bg-orange-700/70' : 'bg-orange-700';
  const bubble = mine ? `${mineShade} text-white rounded-br-md` : 'bg-white text-stone-900 border border-stone-200 rounded-bl-md';

  return (
    <div
      className={`group flex gap-2.5 px-3 sm:px-6 ${continued ? 'pt-0.5' : 'pt-3'} ${mine ? 'flex-row-reverse' : ''}`}
      data-author={author.username}
      data-mine={mine}
    >
      {!mine && (continued ? <span className="w-9 shrink-0" /> : <Avatar id={author.id} name={author.username} />)}
      <div className={`flex max-w-[min(36rem,82%)] min-w-0 flex-col ${mine ? 'items-end' : 'items-start'}`}>
        {continued ? (
          <span className="sr-only">{name}</span>
        ) : (
          <p className={`mb-1 flex items-baseline gap-2 px-1 text-xs ${mine ? 'flex-row-reverse' : ''}`}>
            <span className="font-semibold text-stone-800">{name}</span>
            <time dateTime={createdAt} title={formatFull(createdAt)} className="text-stone-400">
              {formatTime(createdAt)}
            </time>
          </p>
        )}
        <div
          className={`rounded-2xl px-3.5 py-2 text-[15px] leading-relaxed whitespace-pre-wrap [overflow-wrap:anywhere] shadow-xs ${bubble}`}
        >
          {text}
        </div>
        {pending && (
          <p className="mt-1 flex items-center gap-1 px-1 text-xs" role={failed ? 'alert' : undefined}>
            {failed ? (
              <>
                <AlertIcon className="size-3.5 text-red-600" />
                <span className="text-red-700">Not sent{pending.error ? `: ${pending.error.message}` : ''}</span>
                <button
                  type="button"
                  onClick={() => roomId && retryMessage(roomId, pending.clientId)}
                  className="ml-1 font-semibold text-red-700 underline underline-offset-2 hover:text-red-900"
                >
                  Retry
                </button>
              </>
            ) : (
              <>
                <ClockIcon className="size-3.5 text-stone-400" />
                <span className="text-stone-500">Sending…</span>
              </>
            )}
          </p>
        )}
      </div>
      {continued && (
        <time
          dateTime={createdAt}
          title={formatFull(createdAt)}
          className="invisible shrink-0 self-center text-[11px] text-stone-400 group-hover:visible"
        >
          {formatTime(createdAt)}
        </time>
      )}
    </div>
  );
}
