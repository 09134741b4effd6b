import { type ReactElement, useState } from 'react';
import type { NotifyLevel, Room } from '../../../contract/index.js';
import { setMentionPolicy, setNotifications } from '../../http/endpoints.js';
import { limits } from '../../../contract/index.js';
import { BrowserNotifications } from './BrowserNotifications.js';
import { chat, useChat } from '../../store.js';
import { Button, Modal } from '../ui.js';

const levels: Array<{ level: NotifyLevel; label: string; hint: string }> = [
  { level: 'all', label: 'All messages', hint: 'Every new message calls you.' },
  { level: 'mentions', label: 'Mentions only', hint: 'Only messages that mention you, @room or @here.' },
  { level: 'nothing', label: 'Nothing', hint: 'Never called; the room still counts what is unread.' },
];

/** How loudly one room may call the reader, its mute, the desktop and sound for every room, and (owners) who may call everyone. */
export default function NotificationsDialog({ room, onClose }: { room: Room; onClose: () => void }): ReactElement {
  const state = useChat((s) => s.rooms[room.id]?.attention);
  const [problem, setProblem] = useState<string | null>(null);
  const [policyNote, setPolicyNote] = useState<string | null>(null);
  // Shown at once, as chosen; the server's answer (or its refusal) settles it.
  const [chosen, setChosen] = useState<{ level?: NotifyLevel; muted?: boolean }>({});
  const level = chosen.level ?? state?.level;
  const muted = chosen.muted ?? state?.muted ?? false;

  async function change(update: { level?: NotifyLevel | 'default'; muted?: boolean }): Promise<void> {
    setProblem(null);
    setChosen((before) => ({
      ...before,
      ...(update.level !== undefined && update.level !== 'default' ? { level: update.level } : {}),
      ...(update.muted !== undefined ? { muted: update.muted } : {}),
    }));
    try {
      chat.dispatch({ type: 'attention/changed', attention: await setNotifications(room.id, update) });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The setting could not be saved.');
    }
    setChosen({});
  }

  async function restrict(owners: boolean): Promise<void> {
    setPolicyNote(null);
    try {
      chat.dispatch({ type: 'room/updated', room: await setMentionPolicy(room.id, owners ? 'owners' : 'everyone') });
    } catch (error) {
      setPolicyNote(error instanceof Error ? error.message : 'The setting could not be saved.');
    }
  }

  const defaultNote = room.memberCount > limits.quietRoomSize ? 'Mentions only' : 'All messages';
  return (
    <Modal label="Notification settings" onClose={onClose}>
      <h2 className="mb-4 text-lg font-semibold">Notification settings</h2>
      <fieldset aria-label="Notifications" className="space-y-2">
        <legend className="mb-2 text-sm font-medium text-stone-700">Notifications</legend>
        {levels.map(({ level: option, label, hint }) => (
          <label
            key={option}
            className="flex cursor-pointer gap-3 rounded-lg border border-stone-200 p-2.5 has-checked:border-orange-500 has-checked:bg-orange-50"
          >
            <input
              type="radio"
              name="level"
              value={option}
              checked={level === option}
              onChange={() => void change({ level: option })}
              className="mt-1 accent-orange-700"
            />
            <span>
              <span className="block text-sm font-medium">{label}</span>
              <span className="block text-xs text-stone-500">{hint}</span>
            </span>
          </label>
        ))}
        {state?.levelChosen && (
          <button type="button" className="text-xs text-orange-800 underline" onClick={() => void change({ level: 'default' })}>
            Back to the room’s default ({defaultNote})
          </button>
        )}
      </fieldset>
      <label className="mt-4 flex items-center gap-2 text-sm">
        <input type="checkbox" checked={muted} onChange={(e) => void change({ muted: e.target.checked })} className="accent-orange-700" />
        Mute this room (no calls, no unread count; mentions still show)
      </label>
      {problem && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {problem}
        </p>
      )}

      <section aria-label="This browser" className="mt-5 border-t border-stone-200 pt-4">
        <h3 className="mb-2 text-sm font-medium text-stone-700">This browser</h3>
        <BrowserNotifications />
      </section>

      {room.kind === 'room' && (
        <section aria-label="Everyone mentions" className="mt-5 border-t border-stone-200 pt-4">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={room.mentionPolicy === 'owners'}
              onChange={(e) => void restrict(e.target.checked)}
              className="accent-orange-700"
            />
            Only the room’s owners may use @room and @here
          </label>
          {policyNote && (
            <p role="alert" className="mt-1 text-sm text-red-700">
              {policyNote}
            </p>
          )}
        </section>
      )}
      <div className="mt-5 flex justify-end">
        <Button onClick={onClose}>Done</Button>
      </div>
    </Modal>
  );
}
