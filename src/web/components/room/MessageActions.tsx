import { type ReactElement, useState } from 'react';
import type { Message } from '../../../contract/index.js';
import { deleteMessage, toggleReaction } from '../../realtime/commands.js';
import { chat } from '../../store.js';
import { MoreIcon, PencilIcon, ReplyIcon, SmileIcon, TrashIcon } from '../icons.js';
import { EmojiPicker } from './EmojiPicker.js';

const actionButton =
  'inline-flex size-8 items-center justify-center rounded-lg text-stone-500 hover:bg-stone-100 hover:text-stone-900 focus:bg-stone-100 focus:outline-none';

/**
 * Reply, react, and for one's own message edit and delete. Shown on hover or keyboard focus; on a
 * phone, "More" (or a long press on the message) opens them.
 */
export function MessageActions({
  message,
  mine,
  open,
  onOpen,
}: {
  message: Message;
  mine: boolean;
  open: boolean;
  onOpen: (open: boolean) => void;
}): ReactElement {
  const [picking, setPicking] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { roomId, id } = message;
  const fail = (error: unknown) => setProblem(error instanceof Error ? error.message : 'That did not work');

  // Never display:none on a wide screen: hidden by opacity, the actions stay reachable with Tab.
  const shown =
    open || picking || confirming ? 'flex' : 'max-sm:hidden flex sm:opacity-0 sm:group-hover:opacity-100 sm:group-focus-within:opacity-100';
  return (
    <div className={`relative flex items-center self-start ${mine ? 'flex-row-reverse' : ''}`}>
      <button type="button" aria-label="More" aria-expanded={open} onClick={() => onOpen(!open)} className={`${actionButton} sm:hidden`}>
        <MoreIcon className="size-4" />
      </button>
      <div
        role="group"
        aria-label="Message actions"
        className={`${shown} items-center gap-0.5 rounded-xl border border-stone-200 bg-white p-0.5 shadow-sm`}
      >
        <button
          type="button"
          aria-label="Reply"
          title="Reply"
          className={actionButton}
          onClick={() => chat.dispatch({ type: 'compose/replying', roomId, message })}
        >
          <ReplyIcon className="size-4" />
        </button>
        <button
          type="button"
          aria-label="Add reaction"
          title="Add reaction"
          aria-expanded={picking}
          className={actionButton}
          onClick={() => setPicking(!picking)}
        >
          <SmileIcon className="size-4" />
        </button>
        {mine && (
          <>
            <button
              type="button"
              aria-label="Edit"
              title="Edit"
              className={actionButton}
              onClick={() => chat.dispatch({ type: 'compose/editing', roomId, messageId: id })}
            >
              <PencilIcon className="size-4" />
            </button>
            <button type="button" aria-label="Delete" title="Delete" className={actionButton} onClick={() => setConfirming(true)}>
              <TrashIcon className="size-4" />
            </button>
          </>
        )}
      </div>
      {picking && (
        <EmojiPicker
          onClose={() => setPicking(false)}
          onPick={(emoji) => {
            setPicking(false);
            toggleReaction(roomId, id, emoji).catch(fail);
          }}
        />
      )}
      {confirming && (
        <div
          role="alertdialog"
          aria-label="Delete this message?"
          className="absolute top-9 z-20 w-56 rounded-xl border border-stone-200 bg-white p-3 text-sm shadow-lg"
        >
          <p className="text-stone-700">Delete this message for everyone?</p>
          <div className="mt-2 flex justify-end gap-2">
            <button type="button" className="rounded-lg px-2 py-1 text-stone-600 hover:bg-stone-100" onClick={() => setConfirming(false)}>
              Cancel
            </button>
            <button
              type="button"
              className="rounded-lg bg-red-700 px-2 py-1 font-medium text-white hover:bg-red-800"
              onClick={() => {
                setConfirming(false);
                deleteMessage(roomId, id).catch(fail);
              }}
            >
              Yes, delete
            </button>
          </div>
        </div>
      )}
      {problem && (
        <p role="alert" className="absolute top-9 z-20 w-48 rounded-lg bg-red-50 px-2 py-1 text-xs text-red-800">
          {problem}
        </p>
      )}
    </div>
  );
}
