import { lazy, type ReactElement, Suspense, useState } from 'react';
import type { Room } from '../../../contract/index.js';
import { plural } from '../../lib/format.js';
import { CommandError, leaveRoom } from '../../realtime/commands.js';
import { navigate, roomPath } from '../../router.js';
import { chat, useChat } from '../../store.js';
import { HashIcon, LeaveIcon, LockIcon, UsersIcon } from '../icons.js';
import { MenuButton } from '../MenuButton.js';
import { InviteButton } from './InviteButton.js';
import { othersIn, roomTitle } from '../../lib/room-title.js';
import { BellIcon, BellOffIcon, PencilIcon, PlusIcon } from '../icons.js';

const NewMessageDialog = lazy(() => import('../people/NewMessageDialog.js'));
const RenameGroupDialog = lazy(() => import('../people/RenameGroupDialog.js'));
const NotificationsDialog = lazy(() => import('../attention/NotificationsDialog.js'));

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
  const meId = useChat((s) => s.me?.id);
  const connected = useChat((s) => s.connection === 'online');
  const otherOnline = useChat((s) => room?.kind === 'direct' && othersIn(room, s.me?.id).some((p) => s.peopleOnline[p.id] === true));
  const [problem, setProblem] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'add' | 'rename' | 'notifications' | null>(null);
  const muted = useChat((s) => s.rooms[roomId]?.attention.muted ?? false);
  const Bell = muted ? BellOffIcon : BellIcon;
  const direct = room?.kind === 'direct';
  const group = direct && room.group === true;
  const Icon = direct ? UsersIcon : room?.visibility === 'private' ? LockIcon : HashIcon;
  // Disconnected, who is online is not known: say so rather than show what was true before.
  const onlineText = connected ? `${online} online` : 'presence unknown';
  const subtitle = !room
    ? ''
    : direct
      ? group
        ? `${plural(room.memberCount, 'person', 'people')} · ${onlineText}`
        : `Direct message · ${!connected ? 'presence unknown' : otherOnline ? 'online' : 'offline'}`
      : `${plural(room.memberCount, 'member', 'members')} · ${onlineText}${room.topic ? ` · ${room.topic}` : ''}`;

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
          <span className="truncate">{room ? roomTitle(room, meId) : 'Opening room…'}</span>
        </h1>
        {room && <p className="truncate text-xs text-stone-500">{subtitle}</p>}
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
      {room && (
        <button
          type="button"
          onClick={() => setDialog('notifications')}
          aria-label="Notifications"
          title={muted ? 'Notifications (muted)' : 'Notifications'}
          className={iconButton}
        >
          <Bell className="size-5" />
        </button>
      )}
      {room && !direct && <InviteButton room={room} className={iconButton} />}
      {group && (
        <>
          <button type="button" onClick={() => setDialog('add')} aria-label="Add people" title="Add people" className={iconButton}>
            <PlusIcon className="size-5" />
          </button>
          <button type="button" onClick={() => setDialog('rename')} aria-label="Rename group" title="Rename group" className={iconButton}>
            <PencilIcon className="size-5" />
          </button>
        </>
      )}
      {room && dialog !== null && (
        <Suspense fallback={null}>
          {dialog === 'add' ? (
            <NewMessageDialog group={room} onClose={() => setDialog(null)} />
          ) : dialog === 'rename' ? (
            <RenameGroupDialog room={room} onClose={() => setDialog(null)} />
          ) : (
            <NotificationsDialog room={room} onClose={() => setDialog(null)} />
          )}
        </Suspense>
      )}
      {(!direct || group) && (
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
      )}
    </header>
  );
}
