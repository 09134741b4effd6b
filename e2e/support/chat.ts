import { type Browser, type Locator, type Page, expect } from '@playwright/test';

/** Steps in the product's language, used by every spec. */

export function uniqueName(base: string): string {
  return `${base}-${Math.random().toString(36).slice(2, 7)}`;
}

export async function openLanding(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByLabel('Name', { exact: true })).toBeVisible();
}

/** The seeds' quick start: a name, a room name, Join. */
export async function joinAsGuest(page: Page, name: string, room: string): Promise<void> {
  await openLanding(page);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Room', { exact: true }).fill(room);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(conversation(page, room)).toBeVisible();
}

/** A second person in a fresh browser (own cookies), joining the same room. */
export async function newPerson(browser: Browser, name: string, room: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await joinAsGuest(page, name, room);
  return page;
}

export function conversation(page: Page, room?: string): Locator {
  return room === undefined ? page.getByRole('log') : page.getByRole('log', { name: room, exact: true });
}

export async function sendMessage(page: Page, text: string): Promise<void> {
  const composer = page.getByRole('textbox', { name: 'Message', exact: true });
  await composer.fill(text);
  await composer.press('Enter');
  await expect(composer).toHaveValue('');
}

export function message(page: Page, text: string): Locator {
  return conversation(page).getByText(text, { exact: true });
}

export async function expectMessage(page: Page, text: string): Promise<void> {
  await expect(message(page, text)).toBeVisible();
}

/** Own messages sit on the right of the conversation, everyone else's on the left. */
export async function expectMessageOn(page: Page, text: string, side: 'left' | 'right'): Promise<void> {
  await expectMessage(page, text);
  const list = await conversation(page).boundingBox();
  const bubble = await message(page, text).boundingBox();
  if (list === null || bubble === null) throw new Error(`"${text}" is not laid out`);
  const gapLeft = bubble.x - list.x;
  const gapRight = list.x + list.width - (bubble.x + bubble.width);
  if (side === 'right') expect(gapRight, `"${text}" hugs the right edge`).toBeLessThan(gapLeft);
  else expect(gapLeft, `"${text}" hugs the left edge`).toBeLessThan(gapRight);
}

export function onlineList(page: Page): Locator {
  return page.getByRole('list', { name: 'Online', exact: true });
}

export async function expectOnline(page: Page, name: string): Promise<void> {
  await expect(onlineList(page).getByText(name, { exact: true })).toBeVisible();
}

export async function expectNotice(page: Page, text: string): Promise<void> {
  await expect(conversation(page).getByText(text, { exact: true })).toBeVisible();
}

export function roomIdOf(page: Page): string {
  const match = /\/rooms\/([^/]+)$/.exec(new URL(page.url()).pathname);
  if (!match?.[1]) throw new Error(`not in a room: ${page.url()}`);
  return decodeURIComponent(match[1]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, animations: 'disabled' });
}
