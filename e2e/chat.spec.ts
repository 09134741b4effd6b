import { expect, test } from './support/test.js';
import {
  expectMessageOn,
  expectNotice,
  expectOnline,
  joinAsGuest,
  newPerson,
  onlineList,
  sendMessage,
  uniqueName,
} from './support/chat.js';

test('two people chat both ways and see their own messages on the right', async ({ page, browser }) => {
  const room = uniqueName('kitchen');
  const ann = uniqueName('Ann');
  const bob = uniqueName('Bob');
  await joinAsGuest(page, ann, room);
  const bobPage = await newPerson(browser, bob, room);

  await sendMessage(page, 'Hi Bob, tea is ready');
  await expectMessageOn(page, 'Hi Bob, tea is ready', 'right');
  await expectMessageOn(bobPage, 'Hi Bob, tea is ready', 'left');

  await sendMessage(bobPage, 'Coming!');
  await expectMessageOn(bobPage, 'Coming!', 'right');
  await expectMessageOn(page, 'Coming!', 'left');
  await expect(page.getByRole('log').getByText(bob, { exact: true })).toBeVisible();
});

test('Shift+Enter adds a line and Enter sends both lines as one message', async ({ page }) => {
  await joinAsGuest(page, uniqueName('Cleo'), uniqueName('poems'));
  const composer = page.getByRole('textbox', { name: 'Message', exact: true });
  await composer.fill('roses are red');
  await composer.press('Shift+Enter');
  await composer.pressSequentially('violets are blue');
  await expect(composer).toHaveValue('roses are red\nviolets are blue');
  await composer.press('Enter');
  // One message, the two lines kept apart by a line break.
  const sent = page.getByRole('log').getByRole('article').filter({ hasText: 'roses are red' });
  await expect(sent).toHaveCount(1);
  await expect(sent).toContainText('violets are blue');
  await expect(sent.locator('br')).toHaveCount(1);
});

test('people entering and leaving are announced and the Online list follows', async ({ page, browser }) => {
  const room = uniqueName('lobby');
  const ann = uniqueName('Ann');
  const dan = uniqueName('Dan');
  await joinAsGuest(page, ann, room);
  await expectOnline(page, ann);

  const danPage = await newPerson(browser, dan, room);
  await expectNotice(page, `${dan} entered the room`);
  await expectOnline(page, dan);
  await expectOnline(danPage, ann);
  await expect(page.getByText('2 members in this room')).toBeVisible();

  await danPage.getByRole('button', { name: 'Leave room' }).click();
  await expectNotice(page, `${dan} left the room`);
  await expect(onlineList(page).getByText(dan, { exact: true })).toBeHidden();
  await expect(page.getByText('1 member in this room')).toBeVisible();
});
