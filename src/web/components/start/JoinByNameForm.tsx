import { type ReactElement, useState } from 'react';
import { limits, roomNameSchema } from '../../../contract/index.js';
import * as api from '../../http/endpoints.js';
import { Button, Field } from '../ui.js';
import type { Entry } from './use-entry.js';

/** The seeds' quick start: a public room by name, created when it does not exist yet. */
export function JoinByNameForm({ name, entry }: { name: string; entry: Entry }): ReactElement {
  const [room, setRoom] = useState('');
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = roomNameSchema.safeParse(room);
        if (!parsed.success) return entry.setError(parsed.error.issues[0]?.message ?? 'Check the room name');
        void entry.enter(name, () => api.joinRoom({ name: parsed.data }));
      }}
    >
      <Field
        label="Room"
        value={room}
        onChange={(e) => setRoom(e.target.value)}
        placeholder="e.g. kitchen-table"
        maxLength={limits.roomNameMax}
        hint="A public room by that name: joined if it exists, created if not."
      />
      <Button type="submit" className="w-full" disabled={entry.busy}>
        {entry.busy ? 'Joining…' : 'Join'}
      </Button>
    </form>
  );
}
