import { type ReactElement, useEffect, useState } from 'react';
import type { ErrorBody } from '../../../contract/index.js';
import { rememberRoom } from '../../lib/last-room.js';
import { CommandError, joinRoom } from '../../realtime/commands.js';
import { navigate } from '../../router.js';
import { chat, useChat } from '../../store.js';
import { MenuButton } from '../MenuButton.js';
import { Button } from '../ui.js';
import { Composer } from './Composer.js';
import { JoinPreview } from './JoinPreview.js';
import { loadRenderer } from './MessageText.js';
import { MessageList } from './MessageList.js';
import { PeoplePanel } from './PeoplePanel.js';
import { othersIn, roomTitle } from '../../lib/room-title.js';
import { openProfile } from '../../people.js';
import { RoomHeader } from './RoomHeader.js';
import { TypingLine } from './TypingLine.js';
import { DropZone } from './files/DropZone.js';

/**
 * One room: header, conversation, composer and who is online. A room one is not in shows a
 * preview with a "Join room" button instead: opening an address never joins by itself.
 */
export function RoomScreen({ roomId, onOpenDrawer }: { roomId: string; onOpenDrawer: () => void }): ReactElement {
  const view = useChat((s) => s.rooms[roomId]);
  const connection = useChat((s) => s.connection);
  const member = useChat((s) => s.myRoomIds.includes(roomId));
  const listed = useChat((s) => s.roomsListed);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [peopleOpen, setPeopleOpen] = useState(false);
  // A one-to-one with someone one blocks is closed both ways: say so where one would type.
  const blockedOther = useChat((s) => {
    const room = s.rooms[roomId]?.room;
    if (room?.kind !== 'direct' || room.group) return null;
    return othersIn(room, s.me?.id).find((p) => s.blockedIds.includes(p.id)) ?? null;
  });

  useEffect(() => setError(null), [roomId]);
  // The markdown renderer is its own chunk: fetched as soon as a conversation opens.
  useEffect(() => void loadRenderer(), []);

  useEffect(() => {
    chat.dispatch({ type: 'room/opened', roomId });
    const me = chat.getState().me;
    if (me !== null) rememberRoom(me.id, roomId);
    return () => chat.dispatch({ type: 'room/opened', roomId: null });
  }, [roomId]);

  useEffect(() => {
    if (connection !== 'online' || !member || chat.getState().rooms[roomId]?.loaded) return;
    setError(null);
    joinRoom(roomId).catch((caught: unknown) => {
      setError(caught instanceof CommandError ? caught.error : { code: 'INTERNAL', message: 'The room could not be opened.' });
    });
  }, [roomId, connection, member]);

  if (listed && !member && error === null) {
    return (
      <JoinPreview
        roomId={roomId}
        onOpenDrawer={onOpenDrawer}
        onMissing={() => setError({ code: 'NOT_FOUND', message: 'Room not found' })}
      />
    );
  }

  if (error !== null && !view?.loaded) {
    const missing = error.code === 'NOT_FOUND';
    return (
      <main className="flex min-h-0 flex-1 flex-col">
        <header className="flex h-14 items-center border-b border-stone-200 bg-white px-4 md:hidden">
          <MenuButton onClick={onOpenDrawer} />
        </header>
        <div className="flex flex-1 flex-col items-center justify-center gap-3 px-6 text-center">
          <h1 className="text-lg font-semibold">{missing ? 'This room is not available' : 'The room could not be opened'}</h1>
          <p className="max-w-sm text-sm text-stone-600">
            {missing ? 'It may be private, or it no longer exists. Ask someone in it for an invite link.' : error.message}
          </p>
          <Button variant="secondary" onClick={() => navigate('/')}>
            Back to Hearth
          </Button>
        </div>
      </main>
    );
  }

  return (
    <main className="flex min-h-0 flex-1 flex-col">
      <RoomHeader
        roomId={roomId}
        room={view?.room}
        onOpenDrawer={onOpenDrawer}
        peopleOpen={peopleOpen}
        onTogglePeople={() => setPeopleOpen((o) => !o)}
      />
      <div className="relative flex min-h-0 flex-1">
        <DropZone roomId={roomId}>
          {view?.loaded ? <MessageList key={roomId} view={view} /> : <LoadingMessages />}
          <TypingLine roomId={roomId} />
          {blockedOther && (
            <p className="border-t border-stone-200 bg-stone-100 px-4 py-2 text-sm text-stone-600 sm:px-6">
              You block {blockedOther.username}: neither of you can write here until you unblock them.{' '}
              <button type="button" onClick={() => openProfile(blockedOther.id)} className="font-medium text-orange-800 underline">
                Open profile
              </button>
            </p>
          )}
          <Composer roomId={roomId} roomName={view ? roomTitle(view.room, chat.getState().me?.id) : ''} />
        </DropZone>
        {view?.loaded && <PeoplePanel view={view} open={peopleOpen} onClose={() => setPeopleOpen(false)} />}
      </div>
    </main>
  );
}

function LoadingMessages(): ReactElement {
  return (
    <div className="flex-1 space-y-5 overflow-hidden px-4 py-6 sm:px-6" aria-busy="true" aria-label="Loading messages">
      {[60, 40, 75, 30].map((w, i) => (
        <div key={i} className={`flex gap-3 ${i % 2 ? 'flex-row-reverse' : ''}`}>
          {i % 2 === 0 && <div className="size-9 shrink-0 animate-pulse rounded-full bg-stone-200" />}
          <div className="h-12 animate-pulse rounded-2xl bg-stone-200/80" style={{ width: `${w}%` }} />
        </div>
      ))}
    </div>
  );
}
