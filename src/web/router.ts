import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'room'; roomId: string }
  | { name: 'invite'; code: string }
  | { name: 'signup' }
  | { name: 'login' }
  | { name: 'forgot' }
  | { name: 'reset'; token: string }
  | { name: 'account' };

const pages = { '/signup': 'signup', '/login': 'login', '/forgot': 'forgot', '/account': 'account' } as const;

export function parseRoute(pathname: string): Route {
  const room = /^\/rooms\/([^/]+)\/?$/.exec(pathname);
  if (room) return { name: 'room', roomId: decodeURIComponent(room[1]!) };
  const invite = /^\/join\/([^/]+)\/?$/.exec(pathname);
  if (invite) return { name: 'invite', code: decodeURIComponent(invite[1]!) };
  const reset = /^\/reset\/([^/]+)\/?$/.exec(pathname);
  if (reset) return { name: 'reset', token: decodeURIComponent(reset[1]!) };
  const page = pathname.replace(/\/$/, '');
  if (Object.hasOwn(pages, page)) return { name: pages[page as keyof typeof pages] };
  return { name: 'home' };
}

export const roomPath = (roomId: string): string => `/rooms/${encodeURIComponent(roomId)}`;
export const inviteLink = (code: string): string => `${location.origin}/join/${encodeURIComponent(code)}`;

const listeners = new Set<() => void>();

/** Client-side navigation: the server answers every such path with index.html, so reloads land here too. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === location.pathname) return;
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

/** Calls `listener` after every change of path: a navigation here, or back and forward. */
export function onPathChange(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(onPathChange, () => location.pathname);
}
