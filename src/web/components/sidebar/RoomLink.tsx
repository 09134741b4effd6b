import type { ReactElement } from 'react';
import type { Room } from '../../../contract/index.js';
import { roomPath } from '../../router.js';
import { AppLink } from '../ui.js';
import { HashIcon, LockIcon } from '../icons.js';

interface Props {
  room: Room;
  active: boolean;
  unread?: number;
  showMembers?: boolean;
}

export function RoomLink({ room, active, unread = 0, showMembers = false }: Props): ReactElement {
  const Icon = room.visibility === 'private' ? LockIcon : HashIcon;
  return (
    <li>
      <AppLink
        href={roomPath(room.id)}
        aria-current={active ? 'page' : undefined}
        className={`group flex items-center gap-2 rounded-lg px-2 py-1.5 text-sm transition-colors ${active ? 'bg-stone-800 text-white' : 'hover:bg-stone-800/60 hover:text-stone-100'} ${unread > 0 ? 'font-semibold text-stone-100' : ''}`}
      >
        <Icon className={`size-4 shrink-0 ${active ? 'text-orange-400' : 'text-stone-500 group-hover:text-stone-400'}`} />
        <span className="min-w-0 flex-1 truncate">{room.name}</span>
        {unread > 0 && (
          <>
            <span aria-hidden="true" className="rounded-full bg-orange-700 px-1.5 py-px text-xs font-semibold text-white tabular-nums">
              {unread > 99 ? '99+' : unread}
            </span>
            <span className="sr-only">, {unread} unread</span>
          </>
        )}
        {showMembers && (
          <span className="text-xs text-stone-500 tabular-nums" title={`${room.memberCount} members`}>
            {room.memberCount}
          </span>
        )}
      </AppLink>
    </li>
  );
}
