import { type ReactElement, useRef, useState } from 'react';
import type { Author, Message, ReplyRef } from '../../../contract/index.js';
import { formatFull, formatTime } from '../../lib/format.js';
import { retryMessage } from '../../realtime/commands.js';
import type { PendingMessage } from '../../state/types.js';
import { chat, useChat } from '../../store.js';
import { Avatar } from '../Avatar.js';
import { AlertIcon, CheckIcon, ClockIcon } from '../icons.js';
import { EditBox } from './EditBox.js';
import { MessageActions } from './MessageActions.js';
import { MessageText } from './MessageText.js';
import { ReactionBar } from './ReactionBar.js';
import { Attachments } from './files/Attachments.js';
import { LinkCard } from './files/LinkCard.js';
import { useJumpToMessage } from './jump.js';
import { openProfile } from '../../people.js';

interface Props {
  author: Author;
  text: string;
  createdAt: string;
  mine: boolean;
  continued: boolean;
  /** A stored message; absent for one still being sent. */
  message?: Message;
  pending?: PendingMessage;
  roomId: string;
}

const longPressMs = 500;

/**
 * One message: markdown rendered to React elements (never HTML), its quote, reactions and actions.
 * A deleted message stays as a placeholder, since replies may point to it.
 */
export function MessageRow({ author, text, createdAt, mine, continued, message, pending, roomId }: Props): ReactElement {
  const editing = useChat((s) => message !== undefined && s.rooms[roomId]?.editingId === message.id);
  const [actionsOpen, setActionsOpen] = useState(false);
  const press = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const failed = pending?.status === 'failed';
  const deleted = message?.deletedAt != null;
  const name = author.username;
  const meId = useChat((s) => s.me?.id);
  // Someone else's message that calls the reader by name or calls everyone stands out for them.
  const callsMe = !mine && !deleted && message !== undefined && message.mentions.some((m) => m.kind !== 'user' || m.id === meId);
  const mineShade = failed ? 'bg-orange-700/60 ring-2 ring-red-500' : pending ? 'bg-orange-700/70' : 'bg-orange-700';
  const bubble = deleted
    ? 'border border-dashed border-stone-300 bg-stone-50 text-stone-500 italic'
    : mine
      ? `${mineShade} text-white rounded-br-md`
      : callsMe
        ? 'bg-amber-50 text-stone-900 border border-amber-300 ring-2 ring-amber-200 rounded-bl-md'
        : 'bg-white text-stone-900 border border-stone-200 rounded-bl-md';
  const replyTo = message?.replyTo ?? pending?.replyTo ?? null;

  return (
    <article
      aria-label={`${name}, ${formatTime(createdAt)}${callsMe ? ', mentions you' : ''}`}
      className={`group flex gap-2.5 px-3 sm:px-6 ${continued ? 'pt-0.5' : 'pt-3'} ${mine ? 'flex-row-reverse' : ''}`}
      data-author={author.username}
      data-mine={mine}
      data-message-id={message?.id}
      data-mentions-me={callsMe || undefined}
      onTouchStart={() => {
        if (message && !deleted) press.current = setTimeout(() => setActionsOpen(true), longPressMs);
      }}
      onTouchEnd={() => clearTimeout(press.current)}
      onTouchMove={() => clearTimeout(press.current)}
    >
      {!mine && (continued ? <span className="w-9 shrink-0" /> : <Avatar id={author.id} name={author.username} avatar={author.avatar} />)}
      <div className={`flex max-w-[min(36rem,82%)] min-w-0 flex-col ${mine ? 'items-end' : 'items-start'}`}>
        {continued ? (
          <span className="sr-only">{name}</span>
        ) : (
          <p className={`mb-1 flex items-baseline gap-2 px-1 text-xs ${mine ? 'flex-row-reverse' : ''}`}>
            <button
              type="button"
              onClick={() => openProfile(author.id)}
              title={`${name}: profile`}
              className="font-semibold text-stone-800 hover:underline"
            >
              {name}
            </button>
            <time dateTime={createdAt} title={formatFull(createdAt)} className="text-stone-400">
              {formatTime(createdAt)}
            </time>
          </p>
        )}
        {replyTo && <ReplyQuote replyTo={replyTo} roomId={roomId} />}
        {editing && message ? (
          <EditBox message={message} />
        ) : (
          (deleted || text !== '') && (
            <div className={`rounded-2xl px-3.5 py-2 text-[15px] leading-relaxed [overflow-wrap:anywhere] shadow-xs ${bubble}`}>
              {deleted ? <p>Message deleted</p> : <MessageText text={text} mentions={message?.mentions} meId={meId} />}
            </div>
          )
        )}
        {!deleted && <Attachments attachments={message?.attachments ?? pending?.attachments ?? []} mine={mine} />}
        {message?.preview && !deleted && <LinkCard preview={message.preview} roomId={roomId} messageId={message.id} mine={mine} />}
        {message && !deleted && (message.editedAt || mine) && (
          <p className="flex items-center gap-1 px-1 text-[11px] text-stone-400">
            {message.editedAt && <span>(edited)</span>}
            {mine && (
              <span className="inline-flex items-center gap-0.5" title="Sent">
                <CheckIcon className="size-3" aria-hidden="true" />
                <span className="sr-only">Sent</span>
              </span>
            )}
          </p>
        )}
        {message && !deleted && <ReactionBar message={message} />}
        {pending && <PendingState pending={pending} roomId={roomId} />}
      </div>
      {message && !deleted && !editing && <MessageActions message={message} mine={mine} open={actionsOpen} onOpen={setActionsOpen} />}
      {continued && (
        <time
          dateTime={createdAt}
          title={formatFull(createdAt)}
          className="invisible shrink-0 self-center text-[11px] text-stone-400 group-hover:visible"
        >
          {formatTime(createdAt)}
        </time>
      )}
    </article>
  );
}

function ReplyQuote({ replyTo, roomId }: { replyTo: ReplyRef; roomId: string }): ReactElement {
  const jump = useJumpToMessage();
  return (
    <button
      type="button"
      onClick={() => jump(roomId, replyTo.seq)}
      aria-label={`Reply to ${replyTo.author.username}: ${replyTo.deleted ? 'message deleted' : replyTo.excerpt}`}
      className="mb-1 max-w-full truncate rounded-lg border-l-3 border-orange-400 bg-stone-100 px-2 py-1 text-left text-xs text-stone-600 hover:bg-stone-200"
    >
      <span className="font-semibold text-stone-700">{replyTo.author.username}</span>{' '}
      {replyTo.deleted ? <em>message deleted</em> : replyTo.excerpt}
    </button>
  );
}

function PendingState({ pending, roomId }: { pending: PendingMessage; roomId: string }): ReactElement {
  const failed = pending.status === 'failed';
  return (
    <p className="mt-1 flex items-center gap-1 px-1 text-xs" role={failed ? 'alert' : undefined}>
      {failed ? (
        <>
          <AlertIcon className="size-3.5 text-red-600" />
          <span className="text-red-700">Not sent{pending.error ? `: ${pending.error.message}` : ''}</span>
          <button
            type="button"
            onClick={() => retryMessage(roomId, pending.clientId)}
            className="ml-1 font-semibold text-red-700 underline underline-offset-2 hover:text-red-900"
          >
            Retry
          </button>
          <button
            type="button"
            onClick={() => chat.dispatch({ type: 'message/discarded', roomId, clientId: pending.clientId })}
            className="ml-1 text-red-700 underline underline-offset-2 hover:text-red-900"
          >
            Discard
          </button>
        </>
      ) : (
        <>
          <ClockIcon className="size-3.5 text-stone-400" />
          <span className="text-stone-500">Sending…</span>
        </>
      )}
    </p>
  );
}
