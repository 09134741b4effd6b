import { type ReactElement, useState } from 'react';
import type { Room } from '../../../contract/index.js';
import { plural } from '../../lib/format.js';
import { CommandError, leaveRoom } from '../../realtime/commands.js';
import { navigate, roomPath } from '../../router.js';
import { chat, useChat } from '../../store.js';
import { HashIcon, LeaveIcon, LockIcon, UsersIcon } from '../icons.js';
import { MenuButton } from '../MenuButton.js';
import { InviteButton } from './InviteButton.js';

interface Props {
  roomId: string;
  room: Room | undefined;
  onOpenDrawer: () => void;
  peopleOpen: boolean;
  onTogglePeople: () => void;
}

const iconButton =
  'inline-flex items-center gap-1.5 rounded-lg p-2 text-sm font-medium text-stone-600 hover:bg-stone-100 hover:text-stone-900 sm:px-3';

export function RoomHeader({ roomId, room, onOpenDrawer, peopleOpen, onTogglePeople }: Props): ReactElement {
  const online = useChat((s) => s.rooms[roomId]?.online.length ?? 0);
  const [problem, setProblem] = useState<string | null>(null);
  const Icon = room?.visibility === 'private' ? LockIcon : HashIcon;

  async function leave(): Promise<void> {
    setProblem(null);
    const next = chat.getState().myRoomIds.find((id) => id !== roomId);
    try {
      await leaveRoom(roomId);
      navigate(next === undefined ? '/' : roomPath(next));
    } catch (error) {
      setProblem(error instanceof CommandError ? error.message : 'Could not leave the room.');
    }
  }

  return (
    <header className="flex h-14 shrink-0 items-center gap-2 border-b border-stone-200 bg-white px-3 sm:h-16 sm:px-5">
      <MenuButton onClick={onOpenDrawer} />
      <div className="min-w-0 flex-1">
        <h1 className="flex items-center gap-1.5 text-base font-semibold text-stone-900">
          <Icon className="size-4 shrink-0 text-stone-400" />
          <span className="truncate">{room?.name ?? 'Opening room…'}</span>
        </h1>
        {room && (
          <p className="truncate text-xs text-stone-500">
            {plural(room.memberCount, 'member', 'members')} · {online} online{room.topic ? ` · ${room.topic}` : ''}
          </p>
        )}
      </div>
      {problem && (
        <p role="alert" className="hidden text-sm text-red-700 sm:block">
          {problem}
        </p>
      )}
      <button
        type="button"
        onClick={onTogglePeople}
        aria-expanded={peopleOpen}
        aria-controls="people-panel"
        aria-label="Show people"
        className={`${iconButton} lg:hidden`}
      >
        <UsersIcon className="size-5" />
      </button>
      {room && <InviteButton room={room} className={iconButton} />}
      <button
        type="button"
        onClick={() => void leave()}
        aria-label="Leave room"
        title="Leave room"
        className={`${iconButton} hover:!bg-red-50 hover:!text-red-700`}
      >
        <LeaveIcon className="size-5" />
        <span className="hidden sm:inline">Leave</span>
      </button>
    </header>
  );
}
