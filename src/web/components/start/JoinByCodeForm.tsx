import { type ReactElement, useState } from 'react';
import { roomCodeSchema } from '../../../contract/index.js';
import * as api from '../../http/endpoints.js';
import { codeFrom } from '../../lib/invite-code.js';
import { Button, Field } from '../ui.js';
import type { Entry } from './use-entry.js';

export function JoinByCodeForm({ name, entry }: { name: string; entry: Entry }): ReactElement {
  const [code, setCode] = useState('');
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = roomCodeSchema.safeParse(codeFrom(code));
        if (!parsed.success) return entry.setError('That does not look like a room code.');
        void entry.enter(name, () => api.joinRoom({ code: parsed.data }));
      }}
    >
      <Field
        label="Invite code"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        placeholder="e.g. K7M2QX9A"
        autoCapitalize="characters"
        spellCheck={false}
        className="[&_input]:font-mono [&_input]:tracking-wider"
        hint="The code or invite link someone shared with you. Works for private rooms too."
      />
      <Button type="submit" className="w-full" disabled={entry.busy}>
        {entry.busy ? 'Opening…' : 'Open room'}
      </Button>
    </form>
  );
}
