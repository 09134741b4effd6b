import { expect, test } from './support/test.js';
import { conversation, expectMessage, joinAsGuest, screenshot, sendMessage, uniqueName } from './support/chat.js';

test('a reload keeps me signed in, in the same room, with its history', async ({ page }) => {
  const room = uniqueName('garden');
  const eve = uniqueName('Eve');
  await joinAsGuest(page, eve, room);
  await sendMessage(page, 'Tomatoes are in');
  await sendMessage(page, 'Basil next week');
  await expect(page.getByText('Sending…')).toHaveCount(0);
  const url = page.url();

  await page.reload();
  await expect(conversation(page, room)).toBeVisible();
  expect(page.url()).toBe(url);
  await expectMessage(page, 'Tomatoes are in');
  await expectMessage(page, 'Basil next week');
  await expect(page.getByRole('complementary', { name: 'Sidebar' }).getByText(eve, { exact: true })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveCount(0);
});

test('Leave room takes me out of the room and off my room list', async ({ page }) => {
  const first = uniqueName('attic');
  const second = uniqueName('cellar');
  await joinAsGuest(page, uniqueName('Finn'), first);
  const sidebar = page.getByRole('navigation', { name: 'Your rooms' });
  await page.getByRole('button', { name: 'New room' }).click();
  await page.getByLabel('Room', { exact: true }).fill(second);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(conversation(page, second)).toBeVisible();
  await expect(sidebar.getByRole('link')).toHaveCount(2);

  await page.getByRole('button', { name: 'Leave room' }).click();
  await expect(conversation(page, first)).toBeVisible();
  await expect(sidebar.getByRole('link', { name: second })).toHaveCount(0);

  await page.getByRole('button', { name: 'Leave room' }).click();
  await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();
  await expect(sidebar.getByText('Rooms you join show up here.')).toBeVisible();
});

test('switching rooms from the sidebar keeps each conversation and counts unread messages', async ({ page, browser }) => {
  const north = uniqueName('north');
  const south = uniqueName('south');
  const gus = uniqueName('Gus');
  await joinAsGuest(page, gus, north);
  await page.getByRole('button', { name: 'New room' }).click();
  await page.getByLabel('Room', { exact: true }).fill(south);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(conversation(page, south)).toBeVisible();

  const other = await browser.newPage();
  await joinAsGuest(other, uniqueName('Hal'), north);
  await sendMessage(other, 'Anyone up north?');

  const northLink = page.getByRole('navigation', { name: 'Your rooms' }).getByRole('link', { name: new RegExp(north) });
  await expect(northLink).toContainText('1 unread');
  await northLink.click();
  await expect(conversation(page, north)).toBeVisible();
  expect(new URL(page.url()).pathname).toMatch(/^\/rooms\//);
  await expectMessage(page, 'Anyone up north?');
  await expect(northLink).not.toContainText('unread');

  await page.goBack();
  await expect(conversation(page, south)).toBeVisible();
});

test('a public room from the directory shows a preview, and is joined with the Join room click', async ({ page, browser }) => {
  const room = uniqueName('Plaza');
  const founder = await (await browser.newContext()).newPage();
  await joinAsGuest(founder, uniqueName('Una'), room);
  await sendMessage(founder, 'Welcome to the plaza');

  await joinAsGuest(page, uniqueName('Vera'), uniqueName('porch'));
  await page.getByRole('button', { name: 'New room' }).click();
  const directory = page.getByRole('region', { name: 'Public rooms' });
  await directory.getByRole('link', { name: room }).click();
  // Looking is not joining: the founder sees no one enter until the button is pressed.
  const preview = page.getByRole('region', { name: room });
  await expect(preview.getByRole('list', { name: `Latest messages in ${room}` })).toContainText('Welcome to the plaza');
  await expect(preview).toContainText('1 member');
  await screenshot(page, 'room-preview');
  await expect(founder.getByText(/Vera.* entered the room/)).toHaveCount(0);
  await preview.getByRole('button', { name: 'Join room' }).click();
  await expect(conversation(page, room)).toBeVisible();
  await expectMessage(page, 'Welcome to the plaza');
  await expect(founder.getByText(/Vera.* entered the room/)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Your rooms' }).getByRole('link', { name: room })).toBeVisible();
  await expect(directory.getByRole('link', { name: room })).toHaveCount(0);
});
