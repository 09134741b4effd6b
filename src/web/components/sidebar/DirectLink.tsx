import type { ReactElement } from 'react';
import type { Room } from '../../../contract/index.js';
import { othersIn, roomTitle } from '../../lib/room-title.js';
import { roomPath } from '../../router.js';
import { AppLink } from '../ui.js';
import { useChat } from '../../store.js';
import { Avatar } from '../Avatar.js';
import { UsersIcon } from '../icons.js';
import type { ReadState } from '../../state/types.js';
import { Badges, calls, countsLabel } from './Badges.js';

/** A direct conversation in the sidebar: named by the other people, with a presence dot and unread count. */
export function DirectLink({ room, active, attention }: { room: Room; active: boolean; attention: ReadState }): ReactElement {
  const state = active ? undefined : attention;
  const meId = useChat((s) => s.me?.id);
  const others = othersIn(room, meId);
  const connected = useChat((s) => s.connection === 'online');
  const online = useChat((s) => others.some((p) => s.peopleOnline[p.id] === true));
  const title = roomTitle(room, meId);
  const first = others[0];
  const presence = !connected ? 'presence unknown' : online ? 'online' : 'offline';
  return (
    <li>
      <AppLink
        href={roomPath(room.id)}
        aria-label={`${title}, ${presence}${countsLabel(state, true)}`}
        aria-current={active ? 'page' : undefined}
        className={`group flex items-center gap-2 rounded-lg px-2 py-1.5 text-sm transition-colors ${active ? 'bg-stone-800 text-white' : 'hover:bg-stone-800/60 hover:text-stone-100'} ${calls(state) ? 'font-semibold text-stone-100' : ''}`}
      >
        <span className="relative shrink-0">
          {others.length === 1 && first ? (
            <Avatar id={first.id} name={first.username} avatar={first.avatar} size="sm" />
          ) : (
            <span className="inline-flex size-7 items-center justify-center rounded-full bg-stone-700 text-stone-300">
              <UsersIcon className="size-4" />
            </span>
          )}
          <span
            aria-hidden="true"
            className={`absolute -right-0.5 -bottom-0.5 size-2.5 rounded-full ring-2 ring-stone-900 ${!connected ? 'bg-stone-600' : online ? 'bg-emerald-500' : 'border border-stone-500 bg-stone-900'}`}
          />
        </span>
        <span className="min-w-0 flex-1 truncate">{title}</span>
        <Badges state={state} direct />
      </AppLink>
    </li>
  );
}
