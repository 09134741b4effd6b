import { useSyncExternalStore } from 'react';

export type Route = { name: 'home' } | { name: 'room'; roomId: string } | { name: 'invite'; code: string };

export function parseRoute(pathname: string): Route {
  const room = /^\/rooms\/([^/]+)\/?$/.exec(pathname);
  if (room) return { name: 'room', roomId: decodeURIComponent(room[1]!) };
  const invite = /^\/join\/([^/]+)\/?$/.exec(pathname);
  if (invite) return { name: 'invite', code: decodeURIComponent(invite[1]!) };
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

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}
