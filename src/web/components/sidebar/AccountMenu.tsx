import { type KeyboardEvent, type ReactElement, useEffect, useRef, useState } from 'react';
import type { User } from '../../../contract/index.js';
import { ApiError } from '../../http/request.js';
import { navigate } from '../../router.js';
import { signOut, signOutEverywhere } from '../../session.js';
import { Avatar } from '../Avatar.js';
import { ChevronsUpDownIcon } from '../icons.js';

interface Item {
  label: string;
  run(): Promise<void> | void;
  danger?: boolean;
}

/** You, at the foot of the sidebar; opens Account (or Create account), Log out, Sign out everywhere. */
export function AccountMenu({ me }: { me: User }): ReactElement {
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const items: Item[] = [
    ...(me.kind === 'guest' ? [{ label: 'Create account', run: () => navigate('/signup') }] : []),
    { label: me.kind === 'guest' ? 'Profile' : 'Account', run: () => navigate('/account') },
    { label: 'Log out', run: signOut },
    { label: 'Sign out everywhere', run: signOutEverywhere, danger: true },
  ];

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointerDown = (e: PointerEvent): void => {
      if (e.target instanceof Node && !root.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function choose(item: Item): void {
    setOpen(false);
    setProblem(null);
    Promise.resolve(item.run()).catch((error: unknown) => {
      setProblem(error instanceof ApiError ? error.message : 'That did not work. Please try again.');
    });
  }

  function onMenuKey(e: KeyboardEvent<HTMLDivElement>): void {
    const entries = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    const move: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: entries.length - 1 };
    if (Object.hasOwn(move, e.key)) {
      e.preventDefault();
      entries.at(move[e.key]! % entries.length)?.focus();
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
    } else if (e.key === 'Tab') setOpen(false);
  }

  return (
    <div ref={root} className="relative border-t border-stone-800 p-2">
      {problem && (
        <p role="alert" className="mx-2 mb-2 rounded-lg bg-red-950/60 px-3 py-2 text-xs text-red-200">
          {problem}
        </p>
      )}
      {open && (
        <div
          ref={menu}
          id="account-menu"
          role="menu"
          aria-label="Account"
          onKeyDown={onMenuKey}
          className="absolute right-2 bottom-full left-2 mb-1 rounded-xl bg-stone-800 p-1 shadow-xl ring-1 ring-stone-700"
        >
          {items.map((item, i) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => choose(item)}
              className={`block w-full rounded-lg px-3 py-2 text-left text-sm focus:outline-none ${i === 1 ? 'mt-1 border-t border-stone-700' : ''} ${item.danger ? 'text-red-300 hover:bg-red-950/50 focus:bg-red-950/50' : 'text-stone-200 hover:bg-stone-700 focus:bg-stone-700'}`}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'account-menu' : undefined}
        aria-label={`Account menu: ${me.username}`}
        onClick={() => setOpen((o) => !o)}
        className="flex w-full items-center gap-3 rounded-lg px-2 py-1.5 text-left hover:bg-stone-800 focus-visible:outline-2 focus-visible:outline-orange-500"
      >
        <Avatar id={me.id} name={me.username} avatar={me.avatar} size="sm" />
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-medium text-stone-100">{me.username}</span>
          <span className="block text-xs text-stone-500 capitalize">{me.kind}</span>
        </span>
        <ChevronsUpDownIcon className="size-4 shrink-0 text-stone-500" />
      </button>
    </div>
  );
}
