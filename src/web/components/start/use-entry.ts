import { useRef, useState } from 'react';
import type { Room, User } from '../../../contract/index.js';
import { usernameSchema } from '../../../contract/index.js';
import { ApiError } from '../../http/request.js';
import * as api from '../../http/endpoints.js';
import { roomPath, navigate } from '../../router.js';
import { startSession } from '../../session.js';
import { enteredRoom } from '../../room-list.js';
import { useChat } from '../../store.js';

export interface Entry {
  busy: boolean;
  error: string | null;
  setError(error: string | null): void;
  /** The guest made on a first attempt, kept so a retry does not make another one. */
  guest: User | null;
  /** Makes a guest session when needed, then runs `getRoom` and opens the room it returns (if any). */
  enter(name: string, getRoom: () => Promise<Room | null>): Promise<void>;
}

export function useEntry(): Entry {
  const me = useChat((s) => s.me);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const guest = useRef<User | null>(null);

  async function enter(name: string, getRoom: () => Promise<Room | null>): Promise<void> {
    setError(null);
    let user = me ?? guest.current;
    if (user === null) {
      const parsed = usernameSchema.safeParse(name);
      if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check your name');
      name = parsed.data;
    }
    setBusy(true);
    try {
      if (user === null) user = guest.current = await api.startGuest(name);
      const room = await getRoom();
      if (me === null) startSession(user);
      if (room !== null) {
        enteredRoom(room);
        navigate(roomPath(room.id), { replace: location.pathname.startsWith('/join/') });
      }
    } catch (caught) {
      setError(describe(caught));
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, setError, guest: guest.current, enter };
}

function describe(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  if (error.code === 'CONFLICT') return error.message || 'That name is already taken.';
  if (error.code === 'NOT_FOUND') return 'No room matches that code. Check it and try again.';
  return error.message;
}
