// @ts-check
/// <reference lib="webworker" />
// Hearth's service worker: shows Web Push notifications when no tab is open, opens the room on a
// click, and keeps the app shell (and the last room list) so the page opens offline. Plain
// JavaScript, served as it is from the web root: a service worker must be one file at a fixed
// address, outside the bundler's hashed chunks; the JSDoc types are checked by `// @ts-check`.

const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));
const shell = 'hearth-shell-v1';
const data = 'hearth-data-v1';
// What the page asks for when it opens: kept from the network's last answer, for offline.
const remembered = new Set(['/api/me', '/api/rooms']);

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(shell)
      .then((cache) => cache.addAll(['/', '/manifest.webmanifest', '/favicon.svg', '/icon-192.png']))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== shell && k !== data).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

/** @param {Request} request @param {string} cacheName @param {Request | string} [key] */
async function networkFirst(request, cacheName, key = request) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(key);
    if (kept) return kept;
    throw error;
  }
}

/** @param {Request} request */
async function cacheFirst(request) {
  const cache = await caches.open(shell);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  if (request.method === 'POST' && url.pathname === '/api/auth/logout') {
    // Signing out forgets what was kept of this person.
    event.waitUntil(caches.delete(data));
    return;
  }
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate') {
    // Every address of the app is the same page: offline, the kept one.
    event.respondWith(networkFirst(request, shell, '/'));
  } else if (url.pathname.startsWith('/assets/')) {
    // Hashed names never change: the first copy is good for ever.
    event.respondWith(cacheFirst(request));
  } else if (remembered.has(url.pathname) && url.search === '') {
    event.respondWith(networkFirst(request, data));
  }
});

sw.addEventListener('push', (event) => {
  /** @type {{ title?: string; body?: string; url?: string; messageId?: string; roomId?: string; seq?: number }} */
  let payload = {};
  try {
    payload = event.data ? event.data.json() : {};
  } catch {
    payload = { body: event.data ? event.data.text() : '' };
  }
  const title = payload.title || 'Hearth';
  event.waitUntil(
    sw.registration.showNotification(title, {
      body: payload.body || 'You have a new message',
      icon: '/icon-192.png',
      badge: '/icon-192.png',
      tag: payload.messageId ? `hearth:${payload.messageId}` : undefined,
      data: { url: payload.url || '/', roomId: payload.roomId, seq: payload.seq },
    }),
  );
});

sw.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL(/** @type {{ url?: string }} */ (event.notification.data || {}).url || '/', sw.location.origin);
  // Only this site's own pages: a payload cannot send a click elsewhere.
  const url = target.origin === sw.location.origin ? target.href : sw.location.origin;
  event.waitUntil(openOrFocus(url));
});

/** @param {string} url */
async function openOrFocus(url) {
  const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((w) => new URL(w.url).origin === sw.location.origin);
  if (open) {
    // The tab goes to the message first: focusing may be refused (the browser decides).
    open.postMessage({ type: 'hearth:open', url });
    await open.focus().catch(() => undefined);
    return;
  }
  await sw.clients.openWindow(url);
}
