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

/** An address someone typed or pasted may not be valid percent-encoding: then it names nothing. */
function segment(pattern: RegExp, pathname: string): string | undefined {
  const raw = pattern.exec(pathname)?.[1];
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

export function parseRoute(pathname: string): Route {
  const roomId = segment(/^\/rooms\/([^/]+)\/?$/, pathname);
  if (roomId !== undefined) return { name: 'room', roomId };
  const code = segment(/^\/join\/([^/]+)\/?$/, pathname);
  if (code !== undefined) return { name: 'invite', code };
  const token = segment(/^\/reset\/([^/]+)\/?$/, pathname);
  if (token !== undefined) return { name: 'reset', token };
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
