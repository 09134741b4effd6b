import { type KeyboardEvent, type ReactElement, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { Member } from '../../../contract/index.js';
import { sayTyping, stoppedTyping } from '../../typing.js';
import { MentionSuggestions, optionId } from './MentionSuggestions.js';
import { membersOf, mentionQueryAt, suggestionsFor, withMention, type Suggestion } from './mention-query.js';
import { excerptOf, limits, messageTextSchema } from '../../../contract/index.js';
import { sendMessage } from '../../realtime/commands.js';
import { chat, useChat } from '../../store.js';
import { CloseIcon, SendIcon } from '../icons.js';
import { addFiles, clearUploads, useUploads } from '../../uploads.js';
import { AttachButton } from './files/AttachButton.js';
import { UploadTray } from './files/UploadTray.js';

/** Unsent text per room, kept while switching rooms. */
const drafts = new Map<string, string>();
const maxHeightPx = 200;

/** Enter sends, Shift+Enter adds a line. Sending works offline too: the message waits as pending. */
export function Composer({ roomId, roomName }: { roomId: string; roomName: string }): ReactElement {
  const [text, setText] = useState(() => drafts.get(roomId) ?? '');
  const replyingTo = useChat((s) => s.rooms[roomId]?.replyingTo ?? null);
  const area = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [members, setMembers] = useState<Member[]>([]);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const listId = useId();
  const meId = useChat((s) => s.me?.id);
  const direct = useChat((s) => s.rooms[roomId]?.room.kind === 'direct');
  const typed = mentionQueryAt(text, caret);
  const suggestions = typed && typed.start !== dismissed ? suggestionsFor(members, typed.query, meId, direct) : [];
  const suggesting = suggestions.length > 0;
  const parsed = messageTextSchema.safeParse(text);
  const left = limits.textMax - text.trimEnd().length;
  const uploads = useUploads(roomId);
  const uploaded = uploads.flatMap((u) => (u.status === 'done' && u.attachment ? [u.attachment] : []));
  const uploading = uploads.some((u) => u.status === 'uploading');
  const failedUpload = uploads.some((u) => u.status === 'failed');
  const tooManyFiles = uploads.length > limits.attachmentsPerMessageMax;
  const blank = text.trim() === '';
  const sendable = (parsed.success || (blank && uploads.length > 0)) && !tooManyFiles;
  // Send pressed while files are still uploading: the message goes once they are done.
  const [waiting, setWaiting] = useState(false);

  useLayoutEffect(() => {
    if (replyingTo) area.current?.focus();
  }, [replyingTo]);

  useLayoutEffect(() => {
    const el = area.current;
    if (el === null) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, maxHeightPx)}px`;
  }, [text]);

  // The room's members are asked for once an `@` is typed.
  const wantsMembers = typed !== null;
  useEffect(() => {
    if (!wantsMembers) return;
    let current = true;
    void membersOf(roomId).then((list) => current && setMembers(list));
    return () => {
      current = false;
    };
  }, [wantsMembers, roomId]);
  useEffect(() => setActive(0), [typed?.query]);

  function change(value: string, at = value.length): void {
    setText(value);
    setCaret(at);
    drafts.set(roomId, value);
    if (value.trim() !== '') sayTyping(roomId);
  }

  function pick(suggestion: Suggestion): void {
    if (!typed) return;
    const next = withMention(text, typed, suggestion.username);
    change(next.text, next.caret);
    requestAnimationFrame(() => area.current?.setSelectionRange(next.caret, next.caret));
  }

  useEffect(() => {
    if (waiting && !uploading && !failedUpload) submit();
    if (waiting && uploads.length === 0 && blank) setWaiting(false);
  });

  function submit(): void {
    if (!sendable) return;
    if (uploading || failedUpload) {
      setWaiting(true);
      return;
    }
    setWaiting(false);
    const replyTo = replyingTo
      ? { id: replyingTo.id, seq: replyingTo.seq, author: replyingTo.author, excerpt: excerptOf(replyingTo.text), deleted: false }
      : undefined;
    sendMessage(roomId, parsed.success ? parsed.data : '', replyTo, uploaded);
    clearUploads(roomId);
    stoppedTyping(roomId);
    setText('');
    setCaret(0);
    drafts.set(roomId, '');
    area.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>): void {
    if (suggesting) {
      const move = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
      if (move !== 0) {
        e.preventDefault();
        setActive((i) => (i + move + suggestions.length) % suggestions.length);
        return;
      }
      if ((e.key === 'Enter' || e.key === 'Tab') && !e.shiftKey) {
        e.preventDefault();
        const chosen = suggestions[active] ?? suggestions[0];
        if (chosen) pick(chosen);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        setDismissed(typed?.start ?? null);
        return;
      }
    }
    if (e.key === 'Escape' && replyingTo) {
      chat.dispatch({ type: 'compose/replying', roomId, message: null });
      return;
    }
    if (e.key === 'ArrowUp' && text === '') {
      // Up in an empty composer edits one's last message, as in most chats.
      const state = chat.getState();
      const last = state.rooms[roomId]?.messages.findLast((m) => m.author.id === state.me?.id && m.deletedAt === null);
      if (last) {
        e.preventDefault();
        chat.dispatch({ type: 'compose/editing', roomId, messageId: last.id });
      }
      return;
    }
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
    e.preventDefault();
    submit();
  }

  return (
    <form
      className="relative shrink-0 border-t border-stone-200 bg-white px-3 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] sm:px-6"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {replyingTo && (
        <div className="mb-2 flex items-center gap-2 rounded-xl border-l-3 border-orange-400 bg-stone-100 px-3 py-1.5 text-sm">
          <p className="min-w-0 flex-1 truncate text-stone-600">
            Replying to <span className="font-semibold text-stone-800">{replyingTo.author.username}</span>: {excerptOf(replyingTo.text)}
          </p>
          <button
            type="button"
            aria-label="Cancel reply"
            onClick={() => chat.dispatch({ type: 'compose/replying', roomId, message: null })}
            className="rounded-lg p-1 text-stone-500 hover:bg-stone-200"
          >
            <CloseIcon className="size-4" />
          </button>
        </div>
      )}
      <UploadTray roomId={roomId} items={uploads} />
      {waiting && (
        <p role="status" className="mb-1.5 px-1 text-xs text-stone-500">
          {failedUpload
            ? 'A file could not be uploaded: retry or remove it, and the message goes.'
            : 'Sending when the files are uploaded…'}
        </p>
      )}
      {tooManyFiles && (
        <p role="alert" className="mb-1.5 px-1 text-xs text-red-700">
          A message carries at most {limits.attachmentsPerMessageMax} files.
        </p>
      )}
      {suggesting && <MentionSuggestions id={listId} suggestions={suggestions} active={active} onPick={pick} />}
      <div className="flex items-end gap-1 rounded-2xl border border-stone-300 bg-white py-1.5 pr-1.5 pl-1.5 shadow-xs focus-within:border-orange-500 focus-within:ring-3 focus-within:ring-orange-500/15">
        <AttachButton roomId={roomId} />
        <textarea
          ref={area}
          onPaste={(e) => {
            const files = [...e.clipboardData.files];
            if (files.length === 0) return;
            e.preventDefault();
            addFiles(roomId, files);
          }}
          rows={1}
          value={text}
          onChange={(e) => change(e.target.value, e.target.selectionStart)}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          aria-autocomplete="list"
          aria-controls={suggesting ? listId : undefined}
          aria-activedescendant={suggesting ? optionId(listId, active) : undefined}
          aria-label="Message"
          placeholder={roomName ? `Message ${roomName}` : 'Message'}
          autoFocus={window.matchMedia('(pointer: fine)').matches}
          className="max-h-[200px] min-w-0 flex-1 resize-none bg-transparent py-1.5 text-base leading-6 text-stone-900 placeholder:text-stone-400 focus:outline-none sm:text-[15px]"
        />
        <button
          type="submit"
          aria-label="Send"
          disabled={!sendable || waiting}
          className="inline-flex size-9 shrink-0 items-center justify-center rounded-xl bg-orange-700 text-white transition-colors hover:bg-orange-800 disabled:bg-stone-200 disabled:text-stone-400"
        >
          <SendIcon className="size-[18px]" />
        </button>
      </div>
      <p className="mt-1.5 hidden justify-between px-1 text-xs text-stone-400 sm:flex">
        <span>
          <kbd className="font-sans font-medium text-stone-500">Enter</kbd> to send ·{' '}
          <kbd className="font-sans font-medium text-stone-500">Shift + Enter</kbd> for a new line
        </span>
        {left < 500 && (
          <span className={left < 0 ? 'font-medium text-red-600' : ''}>
            {left < 0 ? `${-left} characters too many` : `${left} characters left`}
          </span>
        )}
      </p>
    </form>
  );
}
