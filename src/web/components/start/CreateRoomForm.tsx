import { type ReactElement, useState } from 'react';
import { type Visibility, createRoomBody, limits } from '../../../contract/index.js';
import * as api from '../../http/endpoints.js';
import { Button, Field } from '../ui.js';
import type { Entry } from './use-entry.js';

const choices: { value: Visibility; title: string; text: string }[] = [
  { value: 'public', title: 'Public', text: 'Listed in the directory; anyone can join.' },
  { value: 'private', title: 'Private', text: 'Hidden; only people with the invite can join.' },
];

/** After creating, the room opens on its empty state, which shows the share code and invite link. */
export function CreateRoomForm({ name, entry }: { name: string; entry: Entry }): ReactElement {
  const [room, setRoom] = useState('');
  const [topic, setTopic] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('public');
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = createRoomBody.safeParse({ name: room, topic, visibility });
        if (!parsed.success) return entry.setError(parsed.error.issues[0]?.message ?? 'Check the room details');
        void entry.enter(name, () => api.createRoom(parsed.data));
      }}
    >
      <Field
        label="Room name"
        value={room}
        onChange={(e) => setRoom(e.target.value)}
        placeholder="e.g. Book club"
        maxLength={limits.roomNameMax}
      />
      <Field
        label="Topic"
        value={topic}
        onChange={(e) => setTopic(e.target.value)}
        placeholder="What is it about? (optional)"
        maxLength={limits.topicMax}
      />
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-stone-700">Who can join</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {choices.map((c) => (
            <label
              key={c.value}
              className={`flex cursor-pointer gap-2.5 rounded-lg border p-3 text-sm transition ${visibility === c.value ? 'border-orange-500 bg-orange-50/60 ring-1 ring-orange-500' : 'border-stone-300 hover:border-stone-400'}`}
            >
              <input
                type="radio"
                name="visibility"
                value={c.value}
                checked={visibility === c.value}
                onChange={() => setVisibility(c.value)}
                className="mt-0.5 accent-orange-600"
              />
              <span>
                <span className="block font-medium text-stone-900">{c.title}</span>
                <span className="block text-xs text-stone-500">{c.text}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit" className="w-full" disabled={entry.busy}>
        {entry.busy ? 'Creating…' : 'Create room'}
      </Button>
    </form>
  );
}
