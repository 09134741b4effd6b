import type { ReactElement } from 'react';
import { AppLink } from '../ui.js';

/** A guest's name lasts as long as this browser's session; an account keeps it, with the history. */
export function GuestInvitation(): ReactElement {
  return (
    <div className="mx-3 mb-3 rounded-xl border border-stone-700/70 bg-stone-800/50 px-3 py-2.5">
      <AppLink
        href="/signup"
        className="block text-sm leading-snug font-medium text-orange-300 underline-offset-2 hover:text-orange-200 hover:underline"
      >
        Keep your name: create an account
      </AppLink>
      <p className="mt-1 text-xs text-stone-400">Your rooms and messages come along.</p>
    </div>
  );
}
