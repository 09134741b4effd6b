import type { ReactElement } from 'react';
import type { Room } from '../../../contract/index.js';
import { roomPath } from '../../router.js';
import { AppLink } from '../ui.js';
import { BellOffIcon, HashIcon, LockIcon } from '../icons.js';
import type { ReadState } from '../../state/types.js';
import { Badges, calls, countsLabel } from './Badges.js';

interface Props {
  room: Room;
  active: boolean;
  /** The member's read state (none for a directory room); not shown on the open room. */
  attention?: ReadState;
  showMembers?: boolean;
}

export function RoomLink({ room, active, attention, showMembers = false }: Props): ReactElement {
  const state = active ? undefined : attention;
  const Icon = room.visibility === 'private' ? LockIcon : HashIcon;
  return (
    <li>
      <AppLink
        href={roomPath(room.id)}
        aria-current={active ? 'page' : undefined}
        className={`group flex items-center gap-2 rounded-lg px-2 py-1.5 text-sm transition-colors ${active ? 'bg-stone-800 text-white' : 'hover:bg-stone-800/60 hover:text-stone-100'} ${calls(state) ? 'font-semibold text-stone-100' : ''} ${attention?.muted && !active ? 'text-stone-500' : ''}`}
      >
        <Icon className={`size-4 shrink-0 ${active ? 'text-orange-400' : 'text-stone-500 group-hover:text-stone-400'}`} />
        <span className="min-w-0 flex-1 truncate">{room.name}</span>
        {attention?.muted && <BellOffIcon aria-hidden="true" className="size-3.5 shrink-0 text-stone-500" />}
        <Badges state={state} />
        {state && countsLabel(state) && <span className="sr-only">{countsLabel(state)}</span>}
        {showMembers && (
          <span className="text-xs text-stone-500 tabular-nums" title={`${room.memberCount} members`}>
            {room.memberCount}
          </span>
        )}
      </AppLink>
    </li>
  );
}
