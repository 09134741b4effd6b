import { type Page } from '@playwright/test';
import { expect, test } from './support/test.js';
import { conversation, joinAsGuest, message, roomIdOf, screenshot, sendMessage, uniqueName } from './support/chat.js';
import { chooseFromAccountMenu, signUp } from './support/accounts.js';

const yourRooms = (page: Page) => page.getByRole('navigation', { name: 'Your rooms' });
const composer = (page: Page) => page.getByRole('textbox', { name: 'Message', exact: true });

/** Opens another room by name from the sidebar (joining it first if needed). */
async function goToRoom(page: Page, room: string): Promise<void> {
  await yourRooms(page)
    .getByRole('link', { name: new RegExp(`^${room}\\b`) })
    .click();
  await expect(conversation(page, room)).toBeVisible();
}

/** Joins (so makes) another public room from the home page and waits until it is open. */
async function createRoom(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New room' }).click();
  await page.getByLabel('Room', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(conversation(page, name)).toBeVisible();
}

test('a mention picked from the suggestions arrives highlighted, with a mention badge; reading on the phone clears the laptop', async ({
  page,
  browser,
}) => {
  const [kitchen, garden] = [uniqueName('kitchen'), uniqueName('garden')];
  const [ann, bob] = [uniqueName('Ann'), uniqueName('Bob')];
  await joinAsGuest(page, ann, kitchen);
  const laptopContext = await browser.newContext();
  const laptop = await laptopContext.newPage();
  await joinAsGuest(laptop, bob, kitchen);
  // Bob's second device: the same session in another browser context.
  const phoneContext = await browser.newContext({
    storageState: await laptopContext.storageState(),
    viewport: { width: 390, height: 844 },
  });
  const phone = await phoneContext.newPage();
  await phone.goto(`/rooms/${roomIdOf(laptop)}`);
  await expect(conversation(phone, kitchen)).toBeVisible();
  // Bob looks at another room on both devices.
  await createRoom(laptop, garden);
  await phone.goto(`/rooms/${roomIdOf(laptop)}`);
  await expect(conversation(phone, garden)).toBeVisible();

  await composer(page).fill(`Lunch? @${bob.slice(0, 4)}`);
  const suggestion = page.getByRole('option', { name: bob });
  await expect(suggestion).toBeVisible();
  await screenshot(page, 'mention-suggestions');
  await composer(page).press('Enter');
  await expect(composer(page)).toHaveValue(`Lunch? @${bob} `);
  await composer(page).press('Enter');

  const counted = new RegExp(`^${kitchen}.*1 unread, 1 mentions`);
  await expect(yourRooms(laptop).getByRole('link', { name: counted })).toBeVisible();
  await expect(laptop).toHaveTitle(/^\(1\) /);
  await screenshot(laptop, 'mention-badge');
  // On the phone the sidebar is a drawer.
  await phone.getByRole('button', { name: 'Open menu' }).click();
  await expect(yourRooms(phone).getByRole('link', { name: counted })).toBeVisible();

  // Bob reads it on his phone; the laptop's badge goes within a second.
  await yourRooms(phone).getByRole('link', { name: counted }).click();
  await expect(conversation(phone, kitchen)).toBeVisible();
  const mention = conversation(phone).locator('[data-mentions-me="true"]');
  await expect(mention).toContainText(`Lunch? @${bob}`);
  await expect(mention.locator('.hearth-mention-me')).toHaveText(`@${bob}`);
  await phone.waitForTimeout(1000);
  await screenshot(phone, 'mention-highlighted');
  await expect(yourRooms(laptop).getByRole('link', { name: new RegExp(`^${kitchen}`) })).not.toHaveAccessibleName(/unread|mentions/, {
    timeout: 1_000,
  });
  await expect(laptop).toHaveTitle(/^(?!\()/);
  await laptopContext.close();
  await phoneContext.close();
});

test('"New messages" marks where Bob stopped reading, and the room opens there', async ({ page, browser }) => {
  const [porch, attic] = [uniqueName('porch'), uniqueName('attic')];
  const [ann, bob] = [uniqueName('Ann'), uniqueName('Bob')];
  await joinAsGuest(page, ann, porch);
  const bobContext = await browser.newContext();
  const bobPage = await bobContext.newPage();
  await joinAsGuest(bobPage, bob, porch);
  await sendMessage(page, 'Read before');
  await expect(message(bobPage, 'Read before')).toBeVisible();
  await createRoom(bobPage, attic);
  for (let i = 1; i <= 3; i++) await sendMessage(page, `Unread ${i}`);
  await expect(yourRooms(bobPage).getByRole('link', { name: new RegExp(`^${porch}.*3 unread`) })).toBeVisible();
  await goToRoom(bobPage, porch);
  const divider = conversation(bobPage).getByRole('separator', { name: 'New messages' });
  await expect(divider).toBeVisible();
  // Above the first unread message, below the read one.
  const [dividerBox, readBox, unreadBox] = await Promise.all([
    divider.boundingBox(),
    message(bobPage, 'Read before').boundingBox(),
    message(bobPage, 'Unread 1').boundingBox(),
  ]);
  expect(readBox!.y).toBeLessThan(dividerBox!.y);
  expect(dividerBox!.y).toBeLessThan(unreadBox!.y);
  await screenshot(bobPage, 'new-messages-divider');
  await bobContext.close();
});

test('"Ann is typing…" appears under the conversation and goes when she sends', async ({ page, browser }) => {
  const room = uniqueName('den');
  const [ann, bob] = [uniqueName('Ann'), uniqueName('Bob')];
  await joinAsGuest(page, ann, room);
  const bobContext = await browser.newContext();
  const bobPage = await bobContext.newPage();
  await joinAsGuest(bobPage, bob, room);
  await composer(page).pressSequentially('Hello the', { delay: 30 });
  const typing = bobPage.getByRole('status', { name: 'Typing' });
  await expect(typing).toHaveText(`${ann} is typing…`);
  await screenshot(bobPage, 'typing');
  await composer(page).pressSequentially('re', { delay: 30 });
  await composer(page).press('Enter');
  await expect(message(bobPage, 'Hello there')).toBeVisible();
  await expect(typing).toHaveCount(0);
  // Typing and stopping: the line lapses by itself.
  await composer(page).pressSequentially('wait', { delay: 30 });
  await expect(typing).toBeVisible();
  await expect(typing).toHaveCount(0, { timeout: 9_000 });
  await bobContext.close();
});

test('a room’s notification level and mute are chosen from its header; muted, its unread count is hidden', async ({ page, browser }) => {
  const [hall, den] = [uniqueName('hall'), uniqueName('den')];
  const [ann, bob] = [uniqueName('Ann'), uniqueName('Bob')];
  await joinAsGuest(page, ann, hall);
  const bobContext = await browser.newContext();
  const bobPage = await bobContext.newPage();
  await joinAsGuest(bobPage, bob, hall);
  await bobPage.getByRole('button', { name: 'Notifications' }).click();
  const settings = bobPage.getByRole('group', { name: 'Notifications' });
  await expect(settings.getByRole('radio', { name: 'All messages' })).toBeChecked();
  await settings.getByRole('radio', { name: 'Mentions only' }).check();
  await expect(settings.getByRole('radio', { name: 'Mentions only' })).toBeChecked();
  await bobPage.getByRole('checkbox', { name: /Mute this room/ }).check();
  await screenshot(bobPage, 'notification-settings');
  await bobPage.getByRole('button', { name: 'Done' }).click();
  await createRoom(bobPage, den);
  await sendMessage(page, 'Nobody is called');
  const hallLink = yourRooms(bobPage).getByRole('link', { name: new RegExp(`^${hall}`) });
  await expect(hallLink).toHaveAccessibleName(new RegExp(`^${hall}.*muted`));
  await expect(hallLink).not.toHaveAccessibleName(/unread/);
  // A mention still shows in a muted room.
  await sendMessage(page, `But @${bob} is`);
  await expect(hallLink).toHaveAccessibleName(/1 mentions/);
  // The setting is Bob's, on the server: it is there after a reload.
  await bobPage.reload();
  await goToRoom(bobPage, hall);
  await bobPage.getByRole('button', { name: 'Notifications' }).click();
  await expect(bobPage.getByRole('group', { name: 'Notifications' }).getByRole('radio', { name: 'Mentions only' })).toBeChecked();
  await bobContext.close();
});

test('two accounts: a mention reaches Bob as a badge, and Bob chooses when Hearth mails him about what he missed', async ({
  page,
  browser,
}) => {
  const [ann, bob] = [uniqueName('Ann'), uniqueName('Bob')];
  const [office, lab] = [uniqueName('office'), uniqueName('lab')];
  await signUp(page, ann, 'ann has a long password');
  await createRoom(page, office);
  const bobContext = await browser.newContext();
  const bobPage = await bobContext.newPage();
  await signUp(bobPage, bob, 'bob has a long password');
  await createRoom(bobPage, office);
  await createRoom(bobPage, lab);
  await sendMessage(page, `@${bob} the report is due`);
  await expect(yourRooms(bobPage).getByRole('link', { name: new RegExp(`^${office}.*1 unread, 1 mentions`) })).toBeVisible();

  await chooseFromAccountMenu(bobPage, 'Account');
  const settings = bobPage.getByRole('region', { name: 'Notifications' });
  await expect(settings.getByRole('radio', { name: 'After 10 minutes' })).toBeChecked();
  await settings.getByRole('radio', { name: 'After an hour' }).check();
  await expect(settings.getByRole('radio', { name: 'After an hour' })).toBeChecked();
  await screenshot(bobPage, 'account-notifications');
  await bobPage.reload();
  await expect(bobPage.getByRole('region', { name: 'Notifications' }).getByRole('radio', { name: 'After an hour' })).toBeChecked();
  await bobContext.close();
});
