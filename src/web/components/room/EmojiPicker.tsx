import { type ReactElement, useEffect, useRef, useState } from 'react';
import { emojiSchema } from '../../../contract/index.js';

const common = ['👍', '❤️', '😂', '🎉', '😮', '😢', '🙏', '👀', '🔥', '✅', '👏', '🤔', '😄', '🙌', '💯', '🚀'];

/** A small palette and a field for any other emoji; Escape closes it. */
export function EmojiPicker({ onPick, onClose }: { onPick: (emoji: string) => void; onClose: () => void }): ReactElement {
  const [other, setOther] = useState('');
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const valid = emojiSchema.safeParse(other.trim()).success;
  return (
    <div
      role="dialog"
      aria-label="Pick a reaction"
      className="absolute z-20 mt-1 w-64 rounded-xl border border-stone-200 bg-white p-2 shadow-lg"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="grid grid-cols-8 gap-0.5">
        {common.map((emoji, i) => (
          <button
            key={emoji}
            ref={i === 0 ? first : undefined}
            type="button"
            aria-label={emoji}
            onClick={() => onPick(emoji)}
            className="rounded-lg p-1 text-lg hover:bg-stone-100 focus:bg-stone-100 focus:outline-none"
          >
            {emoji}
          </button>
        ))}
      </div>
      <form
        className="mt-2 flex gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) onPick(other.trim());
        }}
      >
        <input
          aria-label="Other emoji"
          value={other}
          onChange={(e) => setOther(e.target.value)}
          placeholder="Other emoji"
          className="min-w-0 flex-1 rounded-lg border border-stone-300 px-2 py-1 text-sm"
        />
        <button type="submit" disabled={!valid} className="rounded-lg bg-stone-800 px-2 text-sm text-white disabled:bg-stone-300">
          Add
        </button>
      </form>
    </div>
  );
}
