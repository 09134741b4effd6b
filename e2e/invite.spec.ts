import { expect, test } from './support/test.js';
import { conversation, expectMessage, expectNotice, joinAsGuest, openLanding, sendMessage, uniqueName } from './support/chat.js';

test('a private room is created, shown with its invite, and joined from the invite link', async ({ page, browser }) => {
  const room = uniqueName('Secret club');
  const ivy = uniqueName('Ivy');
  await openLanding(page);
  await page.getByLabel('Name', { exact: true }).fill(ivy);
  await page.getByRole('tab', { name: 'Create a room' }).click();
  await page.getByLabel('Room name').fill(room);
  await page.getByLabel('Topic').fill('Members only');
  await page.getByLabel('Private').check();
  await page.getByRole('button', { name: 'Create room' }).click();

  await expect(conversation(page, room)).toBeVisible();
  const invite = page.getByRole('textbox', { name: 'Invite link' });
  await expect(invite).toHaveValue(/\/join\/[2-9A-Z]{6,}$/);
  const link = await invite.inputValue();
  const code = link.split('/join/')[1]!;
  await expect(page.getByLabel('Share code')).toHaveText(code);

  const jack = uniqueName('Jack');
  const guest = await (await browser.newContext()).newPage();
  await guest.goto(link);
  // The invite names its room before anyone joins; a private room shows no messages.
  await expect(guest.getByRole('heading', { name: room })).toBeVisible();
  await expect(guest.getByText('Members only')).toBeVisible();
  await guest.getByLabel('Name', { exact: true }).fill(jack);
  await guest.getByRole('button', { name: 'Join room', exact: true }).click();
  await expect(conversation(guest, room)).toBeVisible();
  expect(new URL(guest.url()).pathname).toMatch(/^\/rooms\//);
  await expectNotice(page, `${jack} entered the room`);

  await sendMessage(guest, 'Thanks for the invite');
  await expectMessage(page, 'Thanks for the invite');

  // Not listed for anyone outside it.
  const outsider = await (await browser.newContext()).newPage();
  await openLanding(outsider);
  await outsider.getByLabel('Name', { exact: true }).fill(uniqueName('Kim'));
  await outsider.getByLabel('Room', { exact: true }).fill(uniqueName('elsewhere'));
  await outsider.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(outsider.getByRole('complementary', { name: 'Sidebar' })).toBeVisible();
  await expect(outsider.getByRole('link', { name: room })).toHaveCount(0);
});

test('Copy invite link puts <origin>/join/<code> on the clipboard', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await joinAsGuest(page, uniqueName('Wim'), uniqueName('Studio'));
  await page.getByRole('button', { name: 'Copy invite link' }).click();
  await expect(page.getByRole('button', { name: 'Copy invite link' })).toContainText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(new RegExp(`^${baseURL}/join/[2-9A-Z]{6,}$`));
});

test('an invite link shows the room to someone signed in, who joins with one click; a member goes straight in', async ({
  page,
  browser,
}) => {
  const room = uniqueName('Workshop');
  await openLanding(page);
  await page.getByLabel('Name', { exact: true }).fill(uniqueName('Lea'));
  await page.getByRole('tab', { name: 'Create a room' }).click();
  await page.getByLabel('Room name').fill(room);
  await page.getByLabel('Private').check();
  await page.getByRole('button', { name: 'Create room' }).click();
  const link = await page.getByRole('textbox', { name: 'Invite link' }).inputValue();

  const other = await (await browser.newContext()).newPage();
  await openLanding(other);
  await other.getByLabel('Name', { exact: true }).fill(uniqueName('Max'));
  await other.getByLabel('Room', { exact: true }).fill(uniqueName('hallway'));
  await other.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(conversation(other)).toBeVisible();

  await other.goto(link);
  await expect(other.getByRole('heading', { name: room })).toBeVisible();
  await expect(other.getByLabel('Name', { exact: true })).toHaveCount(0);
  await expect(conversation(other, room)).toHaveCount(0);
  await other.getByRole('button', { name: 'Join room', exact: true }).click();
  await expect(conversation(other, room)).toBeVisible();

  await other.goto(link);
  await expect(conversation(other, room)).toBeVisible();
});

test('the owner makes a new invite code and the old link stops working', async ({ page, browser }) => {
  const room = uniqueName('Vault');
  await openLanding(page);
  await page.getByLabel('Name', { exact: true }).fill(uniqueName('Pia'));
  await page.getByRole('tab', { name: 'Create a room' }).click();
  await page.getByLabel('Room name').fill(room);
  await page.getByLabel('Private').check();
  await page.getByRole('button', { name: 'Create room' }).click();
  const oldLink = await page.getByRole('textbox', { name: 'Invite link' }).inputValue();
  await page.getByRole('button', { name: 'New invite code' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'New code made' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Invite link' })).not.toHaveValue(oldLink);

  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(oldLink);
  await expect(stranger.getByText('does not lead to a room any more')).toBeVisible();
});

test('Join with a code takes the code someone shared', async ({ page, browser }) => {
  const room = uniqueName('Choir');
  await openLanding(page);
  await page.getByLabel('Name', { exact: true }).fill(uniqueName('Nia'));
  await page.getByRole('tab', { name: 'Create a room' }).click();
  await page.getByLabel('Room name').fill(room);
  await page.getByLabel('Private').check();
  await page.getByRole('button', { name: 'Create room' }).click();
  const code = (await page.getByLabel('Share code').textContent())!;

  const other = await (await browser.newContext()).newPage();
  await openLanding(other);
  await other.getByLabel('Name', { exact: true }).fill(uniqueName('Oto'));
  await other.getByRole('tab', { name: 'Join with a code' }).click();
  await other.getByLabel('Invite code').fill(code.toLowerCase());
  await other.getByRole('button', { name: 'Open room' }).click();
  await expect(conversation(other, room)).toBeVisible();
});
