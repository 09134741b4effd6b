import { useSyncExternalStore } from 'react';
import { onPathChange, usePathname } from './router.js';

/**
 * A one-line notice for the page the user is sent to ("You were signed out"). It belongs to one
 * path and is dropped as soon as the user moves on, so it never reappears on a later visit.
 */
interface Notice {
  path: string;
  text: string;
}

let current: Notice | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function showNotice(path: string, text: string): void {
  current = { path, text };
  emit();
}

onPathChange(() => {
  if (current !== null && current.path !== location.pathname) {
    current = null;
    emit();
  }
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useNotice(): string | null {
  const pathname = usePathname();
  const notice = useSyncExternalStore(subscribe, () => current);
  return notice !== null && notice.path === pathname ? notice.text : null;
}
