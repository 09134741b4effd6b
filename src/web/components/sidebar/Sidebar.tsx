import { lazy, type ReactElement, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { navigate } from '../../router.js';
import { loadMoreDirectory } from '../../room-list.js';
import { useChat } from '../../store.js';
import { CloseIcon, FlameMark, PlusIcon } from '../icons.js';
import { AccountMenu } from './AccountMenu.js';
import { GuestInvitation } from './GuestInvitation.js';
import { DirectLink } from './DirectLink.js';
import { RoomLink } from './RoomLink.js';

// Its own chunk: fetched when someone first starts a conversation.
const NewMessageDialog = lazy(() => import('../people/NewMessageDialog.js'));

/** Your rooms with unread counts, the public directory, and you. A drawer below the md breakpoint. */
export function Sidebar({ open, onClose }: { open: boolean; onClose: () => void }): ReactElement {
  const me = useChat((s) => s.me);
  const rooms = useChat((s) => s.rooms);
  const myRoomIds = useChat((s) => s.myRoomIds);
  const directory = useChat((s) => s.directory);
  const moreInDirectory = useChat((s) => s.directoryCursor !== null);
  const activeRoomId = useChat((s) => s.activeRoomId);
  const closeButton = useRef<HTMLButtonElement>(null);
  const [composing, setComposing] = useState(false);
  const [roomIds, directIds] = useMemo(() => {
    const direct = myRoomIds.filter((id) => rooms[id]?.room.kind === 'direct');
    // Newest conversation first; ISO times compare as strings.
    direct.sort((a, b) => (rooms[b]?.room.lastActivityAt ?? '').localeCompare(rooms[a]?.room.lastActivityAt ?? ''));
    return [myRoomIds.filter((id) => rooms[id]?.room.kind !== 'direct'), direct];
  }, [myRoomIds, rooms]);
  useEffect(() => {
    if (open) closeButton.current?.focus();
  }, [open]);
  const discover = useMemo(
    () =>
      directory
        .filter((r) => r.visibility === 'public' && !myRoomIds.includes(r.id))
        .sort((a, b) => b.memberCount - a.memberCount || a.name.localeCompare(b.name, undefined, { numeric: true })),
    [directory, myRoomIds],
  );

  return (
    <>
      {open && <div aria-hidden="true" onClick={onClose} className="fixed inset-0 z-30 bg-stone-950/40 backdrop-blur-[1px] md:hidden" />}
      <aside
        id="sidebar"
        aria-label="Sidebar"
        className={`fixed inset-y-0 left-0 z-40 flex w-72 max-w-[85vw] flex-col bg-stone-900 text-stone-300 transition-transform duration-200 md:static md:z-auto md:w-64 md:translate-x-0 lg:w-72 ${open ? 'translate-x-0 shadow-2xl' : 'max-md:invisible max-md:-translate-x-full'}`}
      >
        <div className="flex h-14 shrink-0 items-center justify-between px-4">
          <a
            href="/"
            onClick={(e) => {
              e.preventDefault();
              navigate('/');
            }}
            className="flex items-center gap-2.5 text-stone-100"
          >
            <FlameMark className="size-7" />
            <span className="font-semibold tracking-tight">Hearth</span>
          </a>
          <button
            type="button"
            onClick={onClose}
            aria-label="Close menu"
            className="rounded-lg p-2 text-stone-400 hover:bg-stone-800 hover:text-stone-100 md:hidden"
          >
            <CloseIcon className="size-5" />
          </button>
        </div>
        <div className="px-3 pb-2">
          <button
            type="button"
            onClick={() => navigate('/')}
            className="flex w-full items-center gap-2 rounded-lg border border-stone-700 px-3 py-2 text-sm font-medium text-stone-200 hover:border-stone-600 hover:bg-stone-800"
          >
            <PlusIcon className="size-4" /> New room
          </button>
        </div>
        <div className="flex-1 space-y-6 overflow-y-auto px-3 py-3">
          <nav aria-labelledby="my-rooms-heading">
            <h2 id="my-rooms-heading" className="px-2 pb-1.5 text-xs font-semibold tracking-wider text-stone-500 uppercase">
              Your rooms
            </h2>
            {roomIds.length === 0 ? (
              <p className="px-2 text-sm text-stone-500">Rooms you join show up here.</p>
            ) : (
              <ul className="space-y-0.5">
                {roomIds.map((id) => {
                  const view = rooms[id];
                  return view ? <RoomLink key={id} room={view.room} attention={view.attention} active={id === activeRoomId} /> : null;
                })}
              </ul>
            )}
          </nav>
          <nav aria-labelledby="direct-heading">
            <div className="flex items-center justify-between pr-1 pb-1.5 pl-2">
              <h2 id="direct-heading" className="text-xs font-semibold tracking-wider text-stone-500 uppercase">
                Direct messages
              </h2>
              <button
                type="button"
                onClick={() => setComposing(true)}
                aria-label="New message"
                title="New message"
                className="rounded-md p-1 text-stone-400 hover:bg-stone-800 hover:text-stone-100"
              >
                <PlusIcon className="size-4" />
              </button>
            </div>
            {directIds.length === 0 ? (
              <p className="px-2 text-sm text-stone-500">Conversations with people show up here.</p>
            ) : (
              <ul className="space-y-0.5">
                {directIds.map((id) => {
                  const view = rooms[id];
                  return view ? <DirectLink key={id} room={view.room} attention={view.attention} active={id === activeRoomId} /> : null;
                })}
              </ul>
            )}
          </nav>
          <section aria-labelledby="directory-heading">
            <h2 id="directory-heading" className="px-2 pb-1.5 text-xs font-semibold tracking-wider text-stone-500 uppercase">
              Public rooms
            </h2>
            {discover.length === 0 ? (
              <p className="px-2 text-sm text-stone-500">No other public rooms yet.</p>
            ) : (
              <ul className="space-y-0.5">
                {discover.map((room) => (
                  <RoomLink key={room.id} room={room} active={room.id === activeRoomId} showMembers />
                ))}
              </ul>
            )}
            {moreInDirectory && (
              <button
                type="button"
                onClick={() => void loadMoreDirectory()}
                className="mt-1 w-full rounded-lg px-2 py-1.5 text-left text-sm text-stone-400 hover:bg-stone-800 hover:text-stone-100"
              >
                More public rooms
              </button>
            )}
          </section>
        </div>
        {me?.kind === 'guest' && <GuestInvitation />}
        {me && <AccountMenu me={me} />}
      </aside>
      {composing && (
        <Suspense fallback={null}>
          <NewMessageDialog onClose={() => setComposing(false)} />
        </Suspense>
      )}
    </>
  );
}
