import type { ReactElement } from 'react';
import type { ReadState } from '../../state/types.js';

const capped = (n: number): string => (n > 999 ? '999+' : String(n));

/**
 * What a screen reader hears after the room's name: ", 3 unread, 1 mentions" (a muted room: its
 * mentions only). In a direct conversation every message calls, so its unread count says it all.
 */
export function countsLabel(state: ReadState | undefined, direct = false): string {
  if (!state) return '';
  const parts = [];
  if (direct) {
    const unread = Math.max(state.unread, state.mentions);
    if (unread > 0) parts.push(`${capped(unread)} unread`);
  } else {
    if (!state.muted && state.unread > 0) parts.push(`${capped(state.unread)} unread`);
    if (state.mentions > 0) parts.push(`${capped(state.mentions)} mentions`);
  }
  if (state.muted) parts.push('muted');
  return parts.map((part) => `, ${part}`).join('');
}

/** Whether the room's name is shown as needing attention. */
export const calls = (state: ReadState | undefined): boolean => !!state && (state.mentions > 0 || (!state.muted && state.unread > 0));

/** The unread count (grey) and the mention count (orange, "@2"), seen but not read aloud (countsLabel is). */
export function Badges({ state, direct = false }: { state: ReadState | undefined; direct?: boolean }): ReactElement | null {
  if (!state) return null;
  const unread = state.muted ? 0 : state.unread;
  // In a direct conversation every message calls: one badge says it.
  const showUnread = unread > 0 && !(direct && state.mentions > 0);
  return (
    <>
      {showUnread && (
        <span aria-hidden="true" className="rounded-full bg-stone-700 px-1.5 py-px text-xs font-semibold text-stone-100 tabular-nums">
          {capped(unread)}
        </span>
      )}
      {state.mentions > 0 && (
        <span aria-hidden="true" className="rounded-full bg-orange-600 px-1.5 py-px text-xs font-bold text-white tabular-nums">
          {direct ? capped(state.mentions) : `@${capped(state.mentions)}`}
        </span>
      )}
    </>
  );
}
