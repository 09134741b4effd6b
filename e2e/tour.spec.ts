import { expect, test } from './support/test.js';
import { botJoining, botSays } from './support/api.js';
import { expectMessage, expectOnline, joinAsGuest, openLanding, screenshot, sendMessage, uniqueName } from './support/chat.js';

/** Screenshots of the main screens, to look at after a change to the client. */

test('landing page', async ({ page }) => {
  await openLanding(page);
  await screenshot(page, 'landing');
  await page.getByRole('tab', { name: 'Create a room' }).click();
  await expect(page.getByLabel('Room name')).toBeVisible();
  await screenshot(page, 'landing-create');
});

test('a conversation at desktop size', async ({ page, baseURL }) => {
  const room = uniqueName('Book club');
  const { bot: maya, room: joined } = await botJoining(baseURL!, uniqueName('Maya'), room);
  await botSays(maya, joined.id, 'Has everyone finished chapter 12?');
  await botSays(maya, joined.id, 'No spoilers for the ending please!');
  const { bot: tom } = await botJoining(baseURL!, uniqueName('Tom'), room);
  await botSays(tom, joined.id, 'Almost, two pages left.');

  const me = uniqueName('Zoe');
  await joinAsGuest(page, me, room);
  await sendMessage(page, 'Finished last night. That twist with the lighthouse keeper!\nStill thinking about it.');
  await botSays(maya, joined.id, 'Right?? I did not see it coming.');
  await expectMessage(page, 'Right?? I did not see it coming.');
  await expectOnline(page, me);
  await expect(page.getByText('Sending…')).toHaveCount(0);
  await screenshot(page, 'desktop-chat');
  maya.close();
  tom.close();
});

test('a new empty room shows how to invite people', async ({ page }) => {
  await openLanding(page);
  await page.getByLabel('Name', { exact: true }).fill(uniqueName('Ada'));
  await page.getByRole('tab', { name: 'Create a room' }).click();
  await page.getByLabel('Room name').fill(uniqueName('Design review'));
  await page.getByLabel('Topic').fill('Weekly critique of what we shipped');
  await page.getByLabel('Private').check();
  await page.getByRole('button', { name: 'Create room' }).click();
  await expect(page.getByRole('textbox', { name: 'Invite link' })).toBeVisible();
  await screenshot(page, 'desktop-empty-room');
});
