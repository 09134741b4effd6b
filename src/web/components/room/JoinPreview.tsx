import { type ReactElement, useEffect, useState } from 'react';
import type { RoomPreview as Preview } from '../../../contract/index.js';
import * as api from '../../http/endpoints.js';
import { CommandError, joinRoom } from '../../realtime/commands.js';
import { MenuButton } from '../MenuButton.js';
import { Button, ErrorText } from '../ui.js';
import { RoomPreview } from './RoomPreview.js';

/** A public room one is not in yet (a shared address, the directory): look first, then join. */
export function JoinPreview({
  roomId,
  onOpenDrawer,
  onMissing,
}: {
  roomId: string;
  onOpenDrawer: () => void;
  onMissing: () => void;
}): ReactElement {
  const [preview, setPreview] = useState<Omit<Preview, 'member'> | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setPreview(null);
    Promise.all([api.getRoom(roomId), api.newestMessages(roomId)]).then(
      ([room, page]) => current && setPreview({ room, messages: page.messages }),
      () => current && onMissing(),
    );
    return () => {
      current = false;
    };
  }, [roomId]);

  async function join(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await joinRoom(roomId);
    } catch (caught) {
      setError(caught instanceof CommandError ? caught.error.message : 'The room could not be joined.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="flex min-h-0 flex-1 flex-col">
      <header className="flex h-14 items-center border-b border-stone-200 bg-white px-4 md:hidden">
        <MenuButton onClick={onOpenDrawer} />
      </header>
      <div className="flex flex-1 items-start justify-center overflow-y-auto px-5 py-10">
        {preview === null ? (
          <p className="text-sm text-stone-500" aria-busy="true">
            Loading the room…
          </p>
        ) : (
          <RoomPreview room={preview.room} messages={preview.messages}>
            <ErrorText>{error}</ErrorText>
            <Button className="w-full" disabled={busy} onClick={() => void join()}>
              {busy ? 'Joining…' : 'Join room'}
            </Button>
          </RoomPreview>
        )}
      </div>
    </main>
  );
}
