import { type ReactElement, useEffect, useState } from 'react';
import { type RoomPreview as Preview, roomCodeSchema } from '../../contract/index.js';
import * as api from '../http/endpoints.js';
import { ApiError } from '../http/request.js';
import { navigate, roomPath } from '../router.js';
import { useChat } from '../store.js';
import { FlameMark } from './icons.js';
import { RoomPreview } from './room/RoomPreview.js';
import { useEntry } from './start/use-entry.js';
import { Button, ErrorText, NameField } from './ui.js';

/**
 * /join/CODE: names the room it invites to (and shows a public room's latest messages), asks for a
 * name when signed out, and joins only when "Join room" is pressed. Without a code (a shared
 * /rooms/<id> link opened signed out) it only asks for the name; the room then shows its preview.
 */
export function InviteScreen({ code }: { code?: string }): ReactElement {
  const me = useChat((s) => s.me);
  const entry = useEntry();
  const [name, setName] = useState('');
  const parsed = roomCodeSchema.safeParse(code ?? '');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [lookup, setLookup] = useState<string | null>(null);

  useEffect(() => {
    if (code === undefined) return;
    if (!parsed.success) return setLookup('This invite link is not valid.');
    let current = true;
    api.previewInvite(parsed.data).then(
      (found) => {
        if (!current) return;
        // Already a member: the link just opens the room.
        if (found.member) navigate(roomPath(found.room.id), { replace: true });
        else setPreview(found);
      },
      (error: unknown) => {
        if (!current) return;
        const missing = error instanceof ApiError && error.status === 404;
        setLookup(
          missing ? 'This invite link does not lead to a room any more. Ask for a new one.' : 'The invite could not be opened. Try again.',
        );
      },
    );
    return () => {
      current = false;
    };
  }, [code, me?.id]);

  const join = async (): Promise<void> => {
    if (code === undefined) return entry.enter(name, () => Promise.resolve(null));
    if (!parsed.success) return;
    await entry.enter(name, () => api.joinRoom({ code: parsed.data }));
  };

  const form = (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        void join();
      }}
    >
      {me === null && entry.guest === null && <NameField value={name} onChange={setName} />}
      <ErrorText>{entry.error}</ErrorText>
      <Button type="submit" className="w-full" disabled={entry.busy}>
        {entry.busy ? 'Joining…' : code ? 'Join room' : 'Join'}
      </Button>
      <p className="text-center text-xs text-stone-500">
        <a href="/" className="underline decoration-stone-300 underline-offset-2 hover:text-stone-800">
          Go to Hearth instead
        </a>
      </p>
    </form>
  );

  return (
    <main className="flex min-h-full items-center justify-center bg-gradient-to-b from-orange-50/70 to-stone-50 px-5 py-10">
      <div className="flex w-full max-w-xl flex-col items-center">
        <FlameMark className="mb-4 size-11" />
        {code === undefined ? (
          <div className="w-full max-w-sm space-y-4">
            <div className="text-center">
              <h1 className="text-2xl font-semibold tracking-tight">Join the conversation</h1>
              <p className="mt-1.5 text-sm text-stone-600">Choose the name others will see, and the room opens.</p>
            </div>
            <div className="rounded-2xl border border-stone-200 bg-white p-5 shadow-sm sm:p-6">{form}</div>
          </div>
        ) : preview !== null ? (
          <>
            <p className="mb-2 text-sm text-stone-600">You are invited to</p>
            <RoomPreview room={preview.room} messages={preview.messages}>
              {form}
            </RoomPreview>
          </>
        ) : (
          <div className="w-full max-w-sm space-y-3 text-center">
            <h1 className="text-2xl font-semibold tracking-tight">You are invited to a room</h1>
            {lookup === null ? <p className="text-sm text-stone-500">Looking up the invite…</p> : <ErrorText>{lookup}</ErrorText>}
            <a href="/" className="text-xs text-stone-500 underline decoration-stone-300 underline-offset-2 hover:text-stone-800">
              Go to Hearth instead
            </a>
          </div>
        )}
      </div>
    </main>
  );
}
