import type { ReactElement } from 'react';
import { Avatar } from '../Avatar.js';
import type { Suggestion } from './mention-query.js';

interface Props {
  id: string;
  suggestions: Suggestion[];
  active: number;
  onPick: (suggestion: Suggestion) => void;
}

export const optionId = (listId: string, index: number): string => `${listId}-${index}`;

/** The members offered for an `@` being typed: options named after the member; arrows and Enter in the composer pick. */
export function MentionSuggestions({ id, suggestions, active, onPick }: Props): ReactElement {
  return (
    <ul
      id={id}
      role="listbox"
      aria-label="Mention someone"
      className="absolute bottom-full left-3 z-20 mb-2 max-h-64 w-72 overflow-y-auto rounded-xl border border-stone-200 bg-white py-1 shadow-lg sm:left-6"
    >
      {suggestions.map((s, i) => (
        <li
          key={s.username}
          id={optionId(id, i)}
          role="option"
          aria-label={s.username}
          aria-selected={i === active}
          // mousedown, not click: the composer keeps its focus and caret.
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(s);
          }}
          className={`flex cursor-pointer items-center gap-2 px-3 py-1.5 text-sm ${i === active ? 'bg-orange-50 text-stone-900' : 'text-stone-700'}`}
        >
          {s.userId ? (
            <Avatar id={s.userId} name={s.username} size="sm" />
          ) : (
            <span className="inline-flex size-7 items-center justify-center rounded-full bg-stone-200 font-bold text-stone-600">@</span>
          )}
          <span className="font-medium">{s.username}</span>
          {s.detail && <span className="truncate text-xs text-stone-500">{s.detail}</span>}
        </li>
      ))}
    </ul>
  );
}
