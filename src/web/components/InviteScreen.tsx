import { type ReactElement, useEffect, useRef, useState } from 'react';
import { roomCodeSchema } from '../../contract/index.js';
import * as api from '../http/endpoints.js';
import { useChat } from '../store.js';
import { FlameMark } from './icons.js';
import { useEntry } from './start/use-entry.js';
import { Button, ErrorText, Field } from './ui.js';

/**
 * /join/CODE: asks for a name when signed out, then joins by code and opens the room. Without a
 * code (a shared /rooms/<id> link opened signed out) it only asks for the name.
 */
export function InviteScreen({ code }: { code?: string }): ReactElement {
  const me = useChat((s) => s.me);
  const entry = useEntry();
  const [name, setName] = useState('');
  const started = useRef(false);
  const parsed = roomCodeSchema.safeParse(code ?? '');
  const join = async (): Promise<void> => {
    started.current = true;
    if (code === undefined) return entry.enter(name, () => Promise.resolve(null));
    if (!parsed.success) return entry.setError('This invite link is not valid.');
    await entry.enter(name, () => api.joinRoom({ code: parsed.data }));
  };

  useEffect(() => {
    if (me === null || started.current) return;
    void join();
    // Signed in: join once, straight away.
  }, [me]);

  return (
    <main className="flex min-h-full items-center justify-center bg-gradient-to-b from-orange-50/70 to-stone-50 px-5 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center text-center">
          <FlameMark className="size-11" />
          <h1 className="mt-4 text-2xl font-semibold tracking-tight">{code ? 'You are invited to a room' : 'Join the conversation'}</h1>
          <p className="mt-1.5 text-sm text-stone-600">
            {code ? (
              <>
                Invite code <span className="font-mono font-medium tracking-wider text-stone-800">{code.toUpperCase()}</span>
              </>
            ) : (
              'Choose the name others will see, and the room opens.'
            )}
          </p>
        </div>
        <form
          className="space-y-4 rounded-2xl border border-stone-200 bg-white p-5 shadow-sm sm:p-6"
          onSubmit={(e) => {
            e.preventDefault();
            void join();
          }}
        >
          {me === null && entry.guest === null && (
            <Field
              label="Name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="How others will see you"
              autoComplete="nickname"
              maxLength={32}
              autoFocus
            />
          )}
          {me !== null && entry.busy && <p className="text-center text-sm text-stone-600">Joining…</p>}
          <ErrorText>{entry.error}</ErrorText>
          {(me === null || entry.error !== null) && (
            <Button type="submit" className="w-full" disabled={entry.busy}>
              {entry.busy ? 'Joining…' : 'Join'}
            </Button>
          )}
          <p className="text-center text-xs text-stone-500">
            <a href="/" className="underline decoration-stone-300 underline-offset-2 hover:text-stone-800">
              Go to Hearth instead
            </a>
          </p>
        </form>
      </div>
    </main>
  );
}
