import type { ReactElement } from 'react';
import { plural } from '../../lib/format.js';
import type { RoomView } from '../../state/types.js';
import { useChat } from '../../store.js';
import { Avatar } from '../Avatar.js';
import { CloseIcon } from '../icons.js';

/** Who is online in the room: a column on wide screens, a sheet toggled from the header otherwise. */
export function OnlinePanel({ view, open, onClose }: { view: RoomView; open: boolean; onClose: () => void }): ReactElement {
  const meId = useChat((s) => s.me?.id);
  return (
    <>
      {open && <div aria-hidden="true" onClick={onClose} className="fixed inset-0 z-20 bg-stone-950/30 lg:hidden" />}
      <aside
        id="people-panel"
        aria-label="People"
        className={`${open ? 'flex' : 'hidden'} fixed inset-y-0 right-0 z-30 w-72 max-w-[85vw] flex-col border-l border-stone-200 bg-white shadow-xl lg:static lg:z-auto lg:flex lg:w-60 lg:shadow-none xl:w-64`}
      >
        <div className="flex h-14 items-center justify-between px-4 lg:h-auto lg:pt-5 lg:pb-2">
          <h2 className="text-xs font-semibold tracking-wider text-stone-500 uppercase">Online — {view.online.length}</h2>
          <button
            type="button"
            onClick={onClose}
            aria-label="Close people"
            className="rounded-lg p-2 text-stone-500 hover:bg-stone-100 lg:hidden"
          >
            <CloseIcon className="size-5" />
          </button>
        </div>
        <ul aria-label="Online" className="flex-1 space-y-0.5 overflow-y-auto px-2">
          {view.online.map((user) => (
            <li key={user.id} className="flex items-center gap-2.5 rounded-lg px-2 py-1.5 text-sm">
              <span className="relative">
                <Avatar id={user.id} name={user.username} size="sm" />
                <span
                  aria-hidden="true"
                  className="absolute -right-0.5 -bottom-0.5 size-2.5 rounded-full bg-emerald-500 ring-2 ring-white"
                />
              </span>
              <span className="truncate text-stone-800">{user.username}</span>
              {user.id === meId && <span className="text-xs text-stone-400">(you)</span>}
            </li>
          ))}
        </ul>
        <p className="border-t border-stone-100 px-4 py-3 text-xs text-stone-500">
          {plural(view.room.memberCount, 'member', 'members')} in this room
        </p>
      </aside>
    </>
  );
}
