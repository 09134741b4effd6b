import { request } from './http/request.js';
import { chat } from './store.js';

/**
 * This browser's Web Push subscription: made once desktop notifications are allowed, with the
 * server's VAPID key, and handed to the server (POST /api/push/subscriptions). The service worker
 * (public/sw.js) shows what arrives when no tab is open.
 */

const toldKey = 'hearth:push-told';

export const pushSupported = (): boolean => 'serviceWorker' in navigator && 'PushManager' in window;

/** Registers the service worker (app shell, pushes); quietly nothing where it is not supported. */
export async function registerServiceWorker(): Promise<ServiceWorkerRegistration | undefined> {
  if (!('serviceWorker' in navigator)) return undefined;
  try {
    return await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  } catch {
    return undefined;
  }
}

/** The VAPID public key as the Push API wants it: bytes from base64url. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function subscribeToPush(): Promise<boolean> {
  if (!pushSupported() || Notification.permission !== 'granted') return false;
  const registration = await navigator.serviceWorker.ready;
  const { publicKey } = await request<{ publicKey: string }>('GET', '/api/push/key');
  const existing = await registration.pushManager.getSubscription();
  const subscription =
    existing ?? (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
  // Told again once a day at most, or when someone else signs in here (every page load would count
  // against the server's limit).
  const told = `${chat.getState().me?.id ?? ''} ${subscription.endpoint} ${new Date().toISOString().slice(0, 10)}`;
  if (localStorage.getItem(toldKey) === told) return true;
  await request('POST', '/api/push/subscriptions', subscription.toJSON());
  localStorage.setItem(toldKey, told);
  return true;
}

/** Signing out: this browser stops getting this person's pushes. */
export async function unsubscribeFromPush(): Promise<void> {
  if (!pushSupported()) return;
  localStorage.removeItem(toldKey);
  const registration = await navigator.serviceWorker.getRegistration();
  const subscription = await registration?.pushManager.getSubscription();
  if (!subscription) return;
  await request('DELETE', '/api/push/subscriptions', { endpoint: subscription.endpoint }).catch(() => undefined);
  await subscription.unsubscribe().catch(() => false);
}
