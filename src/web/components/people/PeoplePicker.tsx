import { type ReactElement, useEffect, useId, useState } from 'react';
import type { User } from '../../../contract/index.js';
import { searchPeople } from '../../http/people.js';
import { Avatar } from '../Avatar.js';
import { CloseIcon } from '../icons.js';

interface Props {
  picked: User[];
  onChange: (picked: User[]) => void;
  /** Never offered: oneself, people already in the conversation. */
  exclude: string[];
  max: number;
}

/** A combobox labelled "People": type part of a name, pick with a click or the arrow keys and Enter. */
export function PeoplePicker({ picked, onChange, exclude, max }: Props): ReactElement {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<User[]>([]);
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [answered, setAnswered] = useState('');
  const id = useId();
  const listId = `${id}-options`;

  useEffect(() => {
    const q = query.trim();
    if (q === '') return setFound([]);
    let current = true;
    // A short pause, so typing a name asks once rather than once per letter.
    const timer = setTimeout(() => {
      searchPeople(q).then(
        (people) => {
          if (!current) return;
          setFound(people.filter((p) => !exclude.includes(p.id) && !picked.some((x) => x.id === p.id)));
          setActive(0);
          setProblem(null);
          setAnswered(q);
        },
        (error: unknown) => current && setProblem(error instanceof Error ? error.message : 'Search failed'),
      );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, exclude, picked]);

  const full = picked.length >= max;
  function pick(user: User): void {
    if (full) return;
    onChange([...picked, user]);
    setQuery('');
    setFound([]);
  }
  const open = found.length > 0 && !full;

  return (
    <div>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-stone-700">
        People
      </label>
      <div className="flex flex-wrap items-center gap-1.5 rounded-lg border border-stone-300 bg-white px-2 py-1.5 focus-within:border-orange-500 focus-within:ring-3 focus-within:ring-orange-500/20">
        {picked.map((user) => (
          <span
            key={user.id}
            className="inline-flex items-center gap-1 rounded-full bg-orange-100 py-0.5 pr-1 pl-2 text-sm text-orange-900"
          >
            {user.username}
            <button
              type="button"
              aria-label={`Remove ${user.username}`}
              onClick={() => onChange(picked.filter((p) => p.id !== user.id))}
              className="rounded-full p-0.5 hover:bg-orange-200"
            >
              <CloseIcon className="size-3" />
            </button>
          </span>
        ))}
        <input
          id={id}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open ? `${listId}-${active}` : undefined}
          autoComplete="off"
          disabled={full}
          value={query}
          placeholder={full ? `At most ${max} people` : picked.length === 0 ? 'Type a name' : 'Add someone else'}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && open) {
              e.preventDefault();
              setActive((a) => (a + 1) % found.length);
            } else if (e.key === 'ArrowUp' && open) {
              e.preventDefault();
              setActive((a) => (a - 1 + found.length) % found.length);
            } else if (e.key === 'Enter' && open) {
              e.preventDefault();
              const user = found[active];
              if (user) pick(user);
            } else if (e.key === 'Backspace' && query === '' && picked.length > 0) {
              onChange(picked.slice(0, -1));
            }
          }}
          className="min-w-32 flex-1 border-0 bg-transparent px-1 py-1 text-base outline-none sm:text-sm"
        />
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label="People found"
        className={open ? 'mt-1 max-h-56 overflow-y-auto rounded-lg border border-stone-200 py-1 shadow-lg' : 'hidden'}
      >
        {found.map((user, i) => (
          <li
            key={user.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(user)}
            className={`flex cursor-pointer items-center gap-2 px-3 py-1.5 text-sm ${i === active ? 'bg-orange-50' : ''}`}
          >
            <Avatar id={user.id} name={user.username} avatar={user.avatar} size="sm" />
            <span className="truncate">{user.username}</span>
            {user.kind === 'guest' && <span className="text-xs text-stone-400">Guest</span>}
          </li>
        ))}
      </ul>
      {query.trim() !== '' && answered === query.trim() && found.length === 0 && !problem && (
        <p className="mt-1 text-xs text-stone-500">No one else by that name yet.</p>
      )}
      {problem && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {problem}
        </p>
      )}
    </div>
  );
}
