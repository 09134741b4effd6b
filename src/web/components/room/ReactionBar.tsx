import { type ReactElement, useState } from 'react';
import type { Message } from '../../../contract/index.js';
import { whoReacted } from '../../http/endpoints.js';
import { toggleReaction } from '../../realtime/commands.js';

const countText = (n: number) => `${n} ${n === 1 ? 'reaction' : 'reactions'}`;

/** Each emoji with its count; clicking one toggles one's own; hovering or focusing it names who reacted. */
export function ReactionBar({ message }: { message: Message }): ReactElement | null {
  const [names, setNames] = useState<Record<string, string>>({});
  // Names are asked for once per state of the reactions, not on every hover.
  const [askedAt, setAskedAt] = useState(-1);
  if (message.reactions.length === 0) return null;

  function learnNames(): void {
    if (askedAt === message.change) return;
    setAskedAt(message.change);
    whoReacted(message.roomId, message.id)
      .then((list) => setNames(Object.fromEntries(list.map((r) => [r.emoji, r.users.map((u) => u.username).join(', ')]))))
      .catch(() => undefined);
  }

  return (
    <div className="mt-1 flex flex-wrap gap-1 px-1">
      {message.reactions.map(({ emoji, count, me: mine }) => {
        const who = names[emoji];
        return (
          <button
            key={emoji}
            type="button"
            aria-pressed={mine}
            aria-label={`${emoji} ${countText(count)}${who ? ` by ${who}` : ''}`}
            title={who}
            onMouseEnter={learnNames}
            onFocus={learnNames}
            onClick={() => void toggleReaction(message.roomId, message.id, emoji).catch(() => undefined)}
            className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-sm ${
              mine ? 'border-orange-400 bg-orange-50 text-orange-900' : 'border-stone-200 bg-white text-stone-700 hover:bg-stone-50'
            }`}
          >
            <span aria-hidden="true">{emoji}</span>
            <span aria-hidden="true" className="text-xs font-medium">
              {count}
            </span>
          </button>
        );
      })}
    </div>
  );
}
