import type { ReactElement } from 'react';
import { MenuIcon } from './icons.js';

/** Opens the sidebar drawer on narrow screens. */
export function MenuButton({ onClick }: { onClick: () => void }): ReactElement {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label="Open menu"
      aria-controls="sidebar"
      className="-ml-1.5 rounded-lg p-2 text-stone-600 hover:bg-stone-100 hover:text-stone-900 md:hidden"
    >
      <MenuIcon className="size-5" />
    </button>
  );
}
