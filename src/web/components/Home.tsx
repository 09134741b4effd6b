import { type ReactElement, useEffect } from 'react';
import { refreshRooms } from '../room-list.js';
import { chat, useChat } from '../store.js';
import { MenuButton } from './MenuButton.js';
import { StartCard } from './start/StartCard.js';

/** Signed in, no room open: the ways into a room, and a word on where the rooms are. */
export function Home({ onOpenDrawer }: { onOpenDrawer: () => void }): ReactElement {
  const me = useChat((s) => s.me);
  const roomCount = useChat((s) => s.myRoomIds.length);
  useEffect(() => {
    chat.dispatch({ type: 'room/opened', roomId: null });
    void refreshRooms();
  }, []);

  return (
    <main className="flex min-h-0 flex-1 flex-col">
      <header className="flex h-14 shrink-0 items-center gap-2 border-b border-stone-200 bg-white px-4 md:hidden">
        <MenuButton onClick={onOpenDrawer} />
        <span className="font-semibold">Hearth</span>
      </header>
      <div className="flex-1 overflow-y-auto">
        <div className="mx-auto max-w-lg px-5 py-10 sm:py-16">
          <h1 className="text-2xl font-semibold tracking-tight text-stone-900">Welcome, {me?.username}</h1>
          <p className="mt-2 text-sm text-stone-600">
            {roomCount === 0
              ? 'You are not in any room yet. Join one by name, start your own, or use an invite code.'
              : 'Pick a room from the sidebar, or find another one here.'}
          </p>
          <div className="mt-6">
            <StartCard needsName={false} />
          </div>
        </div>
      </div>
    </main>
  );
}
