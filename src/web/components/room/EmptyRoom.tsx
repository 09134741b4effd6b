import { type ReactElement, useState } from 'react';
import type { Room } from '../../../contract/index.js';
import { copyText } from '../../lib/copy.js';
import { inviteLink } from '../../router.js';
import { HashIcon, LockIcon, UsersIcon } from '../icons.js';
import { roomTitle } from '../../lib/room-title.js';
import { useChat } from '../../store.js';
import { NewCodeButton } from './NewCodeButton.js';

/** A room with nothing said yet: how to bring people in (the share code and the invite link). */
export function EmptyRoom({ room }: { room: Room }): ReactElement {
  const [copied, setCopied] = useState(false);
  const meId = useChat((s) => s.me?.id);
  if (room.kind === 'direct') {
    const title = roomTitle(room, meId);
    return (
      <div role="log" aria-label={title} className="flex min-h-0 flex-1 items-center justify-center overflow-y-auto px-5 py-8">
        <div className="w-full max-w-md text-center">
          <span className="mx-auto flex size-14 items-center justify-center rounded-2xl bg-orange-100 text-orange-600">
            <UsersIcon className="size-7" />
          </span>
          <h2 className="mt-4 text-lg font-semibold text-stone-900">{title}</h2>
          <p className="mt-1 text-sm text-stone-600">Only the people in this conversation can read it. Say hello below.</p>
        </div>
      </div>
    );
  }
  const link = inviteLink(room.code);
  const Icon = room.visibility === 'private' ? LockIcon : HashIcon;
  return (
    <div role="log" aria-label={room.name} className="flex min-h-0 flex-1 items-center justify-center overflow-y-auto px-5 py-8">
      <div className="w-full max-w-md text-center">
        <span className="mx-auto flex size-14 items-center justify-center rounded-2xl bg-orange-100 text-orange-600">
          <Icon className="size-7" />
        </span>
        <h2 className="mt-4 text-lg font-semibold text-stone-900">Welcome to {room.name}</h2>
        {room.topic && <p className="mt-1 text-sm font-medium text-stone-700">{room.topic}</p>}
        <p className="mt-1 text-sm text-stone-600">Nothing has been said here yet. Say hello below, or invite people to join you.</p>
        <section aria-label="Invite people" className="mt-6 rounded-2xl border border-stone-200 bg-white p-4 text-left shadow-xs">
          <p className="text-xs font-medium tracking-wide text-stone-500 uppercase">Share code</p>
          <p className="mt-1 font-mono text-xl font-semibold tracking-[0.2em] text-stone-900" aria-label="Share code">
            {room.code}
          </p>
          <p className="mt-4 text-xs font-medium tracking-wide text-stone-500 uppercase">Invite link</p>
          <div className="mt-1 flex items-center gap-2">
            <input
              readOnly
              value={link}
              aria-label="Invite link"
              onFocus={(e) => e.currentTarget.select()}
              className="min-w-0 flex-1 rounded-lg border border-stone-200 bg-stone-50 px-3 py-2 font-mono text-xs text-stone-700 sm:text-sm"
            />
            <button
              type="button"
              onClick={() => void copyText(link).then((ok) => setCopied(ok))}
              className="shrink-0 rounded-lg bg-stone-900 px-3 py-2 text-sm font-medium text-white hover:bg-stone-800"
            >
              {copied ? 'Copied' : 'Copy link'}
            </button>
          </div>
          {room.visibility === 'private' && (
            <p className="mt-3 text-xs text-stone-500">This room is private: only people with the code or link can join.</p>
          )}
          <div className="mt-3">
            <NewCodeButton
              room={room}
              className="text-xs font-medium text-stone-600 underline decoration-stone-300 underline-offset-2 hover:text-stone-900"
            />
          </div>
        </section>
      </div>
    </div>
  );
}
