import { type BrowserContext, type Page } from '@playwright/test';
import { expect, test } from './support/test.js';
import { conversation, joinAsGuest, roomIdOf, screenshot, sendMessage, uniqueName } from './support/chat.js';

/**
 * What can be tried here of notifications, honestly: the page's own desktop notification while
 * its tab is hidden (the tab's visibility is set by the test, as the browser would on switching
 * tabs; the Notification API is Chromium's, recorded on the way); the service worker registered,
 * the manifest valid and the app installable by Chromium's own check; and a push handed to the
 * service worker through the DevTools protocol (this machine cannot reach a vendor's push
 * service), shown by it with no tab open, and its click opening the room. The server's half
 * (encrypted, VAPID-signed pushes) is tested against a local push service in
 * test/realtime/notifications.test.ts.
 */

/** Records every desktop notification the page makes, and lets the test hide the tab. */
async function watchedContext(context: BrowserContext): Promise<void> {
  await context.grantPermissions(['notifications']);
  await context.addInitScript(() => {
    const shown: Array<{ title: string; body: string }> = [];
    const Real = window.Notification;
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push({ title, body: options?.body ?? '' });
      }
    }
    Object.defineProperty(window, 'Notification', { value: Recorded });
    Object.defineProperty(window, '__shown', { value: shown });
    let hidden = false;
    Object.defineProperty(document, 'hidden', { get: () => hidden });
    Object.defineProperty(document, 'visibilityState', { get: () => (hidden ? 'hidden' : 'visible') });
    Object.defineProperty(window, '__hide', {
      value: (value: boolean) => {
        hidden = value;
        document.dispatchEvent(new Event('visibilitychange'));
      },
    });
  });
}

const shownIn = (page: Page) => page.evaluate(() => (window as unknown as { __shown: Array<{ title: string; body: string }> }).__shown);
const hide = (page: Page, hidden: boolean) =>
  page.evaluate((h) => (window as unknown as { __hide: (h: boolean) => void }).__hide(h), hidden);

test('with the tab hidden, a mention or a direct message shows a desktop notification; a visible tab shows none', async ({
  page,
  browser,
}) => {
  const room = uniqueName('yard');
  const [ann, bob] = [uniqueName('Ann'), uniqueName('Bob')];
  await joinAsGuest(page, ann, room);
  const bobContext = await browser.newContext();
  await watchedContext(bobContext);
  const bobPage = await bobContext.newPage();
  await joinAsGuest(bobPage, bob, room);
  // Asked for with a button, never on load: the dialog offers it (granted here already by the test).
  await bobPage.getByRole('button', { name: 'Notifications' }).click();
  await bobPage.getByRole('group', { name: 'Notifications' }).getByRole('radio', { name: 'Mentions only' }).check();
  await bobPage.getByRole('button', { name: 'Done' }).click();

  await sendMessage(page, 'Bob is looking');
  await sendMessage(page, `@${bob} while you look`);
  await expect(conversation(bobPage).getByText('while you look')).toBeVisible();
  await hide(bobPage, true);
  await sendMessage(page, 'not a mention');
  await sendMessage(page, `@${bob} dinner!`);
  await expect.poll(() => shownIn(bobPage)).toEqual([{ title: `${ann} in ${room}`, body: `@${bob} dinner!` }]);
  await hide(bobPage, false);
  await bobContext.close();
});

test('the service worker registers, the manifest is valid and Chromium finds the app installable', async ({ page }) => {
  await joinAsGuest(page, uniqueName('Ivy'), uniqueName('install'));
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(new URL('/', page.url()).href);
  const manifest = (await (await page.request.get('/manifest.webmanifest')).json()) as {
    name: string;
    start_url: string;
    display: string;
    theme_color: string;
    icons: Array<{ src: string; sizes: string; type: string }>;
  };
  expect(manifest).toMatchObject({ name: 'Hearth', start_url: '/', display: 'standalone', theme_color: '#1c1917' });
  for (const size of ['192x192', '512x512']) {
    const icon = manifest.icons.find((i) => i.sizes === size);
    expect(icon, size).toBeDefined();
    const response = await page.request.get(icon!.src);
    expect(response.headers()['content-type']).toBe('image/png');
  }
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: Array<{ errorId: string }> };
  // Playwright's contexts are off the record, where Chromium never installs anything: that is the one
  // objection allowed. Any other (no service worker, a bad icon, no start_url...) fails the test.
  expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
  const { errors } = (await cdp.send('Page.getAppManifest')) as { errors: unknown[] };
  expect(errors).toEqual([]);
});

test('the app shell opens offline and shows the rooms it had', async ({ page, context }) => {
  const room = uniqueName('cellar');
  await joinAsGuest(page, uniqueName('Oz'), room);
  await page.evaluate(async () => navigator.serviceWorker.ready);
  // Once controlled by the worker (the first load installs it), the shell and the room list are kept.
  await page.reload();
  await expect(conversation(page, room)).toBeVisible();
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Your rooms' }).getByRole('link', { name: new RegExp(`^${room}`) })).toBeVisible();
  await expect(page.getByRole('status').first()).toContainText(/Reconnecting|offline|Connecting/i);
  await screenshot(page, 'offline-shell');
  await context.setOffline(false);
});

test('a push handed to the service worker with no tab open is shown, and its click opens the room at the message', async ({ browser }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['notifications']);
  const page = await context.newPage();
  const room = uniqueName('loft');
  await joinAsGuest(page, uniqueName('Una'), room);
  await sendMessage(page, 'The message the push is about');
  const roomId = roomIdOf(page);
  const origin = new URL(page.url()).origin;
  await page.evaluate(async () => navigator.serviceWorker.ready);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));

  // A page of another site keeps the DevTools session; no Hearth tab is open any more.
  const other = await context.newPage();
  await other.goto('about:blank');
  const cdp = await context.newCDPSession(other);
  const registrations: Array<{ registrationId: string; scopeURL: string }> = [];
  cdp.on('ServiceWorker.workerRegistrationUpdated', (e: { registrations: typeof registrations }) => registrations.push(...e.registrations));
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => registrations.find((r) => r.scopeURL === `${origin}/`)).toBeDefined();
  await page.close();

  const payload = { title: 'Ann in loft', body: 'Come up!', roomId, messageId: 'm-1', seq: 1, url: `${origin}/rooms/${roomId}?seq=1` };
  const { registrationId } = registrations.find((r) => r.scopeURL === `${origin}/`)!;
  await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId, data: JSON.stringify(payload) });
  // Run inside the worker, whose global scope the page's types do not describe.
  type WorkerScope = { registration: ServiceWorkerRegistration; dispatchEvent(event: Event): boolean };
  await expect
    .poll(() =>
      worker.evaluate(async () => {
        const notes = await (self as unknown as WorkerScope).registration.getNotifications();
        return notes.map((n) => ({ title: n.title, body: n.body }));
      }),
    )
    .toEqual([{ title: 'Ann in loft', body: 'Come up!' }]);

  // The click, as the browser would deliver it to the worker. Chromium lets a worker open a new
  // window only from a real click, which no test can make; with a Hearth tab open (here, its home
  // page), the click brings that tab to the room at the message.
  const roomPage = await context.newPage();
  await roomPage.goto('/');
  await roomPage.evaluate(async () => navigator.serviceWorker.ready);
  await worker.evaluate(async () => {
    type Scope = { registration: ServiceWorkerRegistration; dispatchEvent(event: Event): boolean };
    type Click = new (type: string, init: { notification: Notification }) => Event;
    const scope = self as unknown as Scope;
    const NotificationClick = (self as unknown as { NotificationEvent: Click }).NotificationEvent;
    const [notification] = await scope.registration.getNotifications();
    scope.dispatchEvent(new NotificationClick('notificationclick', { notification: notification! }));
  });
  await expect(roomPage).toHaveURL(new RegExp(`/rooms/${roomId}`));
  await expect(conversation(roomPage, room)).toBeVisible();
  await expect(roomPage.locator('[data-message-id]').filter({ hasText: 'The message the push is about' })).toBeVisible();
  await screenshot(roomPage, 'push-opened-room');
  await context.close();
});
