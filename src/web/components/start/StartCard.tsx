import { type ReactElement, useState } from 'react';
import { ErrorText, NameField } from '../ui.js';
import { CreateRoomForm } from './CreateRoomForm.js';
import { JoinByCodeForm } from './JoinByCodeForm.js';
import { JoinByNameForm } from './JoinByNameForm.js';
import { useEntry } from './use-entry.js';

type Mode = 'join' | 'create' | 'code';

const modes: { mode: Mode; label: string }[] = [
  { mode: 'join', label: 'Join a room' },
  { mode: 'create', label: 'Create a room' },
  { mode: 'code', label: 'Join with a code' },
];

/** The ways into Hearth: a room by name, a new room, or an invite code. Asks for a name when signed out. */
export function StartCard({ needsName, initialMode = 'join' }: { needsName: boolean; initialMode?: Mode }): ReactElement {
  const [mode, setMode] = useState<Mode>(initialMode);
  const [name, setName] = useState('');
  const entry = useEntry();
  const askName = needsName && entry.guest === null;

  return (
    <div className="w-full rounded-2xl border border-stone-200 bg-white p-5 shadow-sm sm:p-7">
      {askName && <NameField value={name} onChange={setName} className="mb-5" />}
      <div role="tablist" aria-label="How to start" className="mb-5 grid grid-cols-3 gap-1 rounded-xl bg-stone-100 p-1 text-center">
        {modes.map((m) => (
          <button
            key={m.mode}
            type="button"
            role="tab"
            id={`tab-${m.mode}`}
            aria-selected={mode === m.mode}
            aria-controls={`panel-${m.mode}`}
            onClick={() => {
              setMode(m.mode);
              entry.setError(null);
            }}
            className={`rounded-lg px-1.5 py-1.5 text-xs font-medium transition sm:text-sm ${mode === m.mode ? 'bg-white text-stone-900 shadow-sm' : 'text-stone-600 hover:text-stone-900'}`}
          >
            {m.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${mode}`} className="space-y-4">
        {mode === 'join' && <JoinByNameForm name={name} entry={entry} />}
        {mode === 'create' && <CreateRoomForm name={name} entry={entry} />}
        {mode === 'code' && <JoinByCodeForm name={name} entry={entry} />}
        <ErrorText>{entry.error}</ErrorText>
      </div>
    </div>
  );
}
