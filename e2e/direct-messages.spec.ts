import { type Page } from '@playwright/test';
import { expect, test } from './support/test.js';
import { conversation, expectMessageOn, joinAsGuest, newPerson, onlineList, screenshot, sendMessage, uniqueName } from './support/chat.js';

const directMessages = (page: Page) => page.getByRole('navigation', { name: 'Direct messages' });

/** A conversation is named by its other people, by name. */
const named = (names: readonly string[]) => [...names].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })).join(', ');

/** Picks people in the "People" combobox of an open dialog by typing their names. */
async function pickPeople(page: Page, names: string[]): Promise<void> {
  const dialog = page.getByRole('dialog');
  for (const name of names) {
    await dialog.getByRole('combobox', { name: 'People' }).fill(name);
    await dialog.getByRole('option', { name }).click();
    await expect(dialog.getByRole('button', { name: `Remove ${name}` })).toBeVisible();
  }
}

test('Ann starts a conversation with Bob from the online list; Bob sees it with an unread count; a third person sees nothing', async ({
  page,
  browser,
}) => {
  const room = uniqueName('porch');
  const [ann, bob, eve] = [uniqueName('Ann'), uniqueName('Bob'), uniqueName('Eve')];
  await joinAsGuest(page, ann, room);
  const bobPage = await newPerson(browser, bob, room);
  const evePage = await newPerson(browser, eve, room);

  await onlineList(page).getByRole('button', { name: bob }).click();
  const card = page.getByRole('dialog', { name: bob });
  await expect(card.getByText('Guest')).toBeVisible();
  await expect(card.getByRole('link', { name: room })).toBeVisible();
  await card.getByRole('button', { name: 'Message' }).click();
  await expect(conversation(page, bob)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: bob })).toBeVisible();
  await sendMessage(page, 'Psst, just between us');

  const entry = directMessages(bobPage).getByRole('link', { name: new RegExp(`^${ann}, online, 1 unread$`) });
  await expect(entry).toBeVisible();
  await screenshot(bobPage, 'direct-unread');
  await entry.click();
  await expectMessageOn(bobPage, 'Psst, just between us', 'left');
  await expect(directMessages(bobPage).getByRole('link', { name: new RegExp(`^${ann}, online$`) })).toBeVisible();
  await sendMessage(bobPage, 'Agreed, not a word');
  await expectMessageOn(page, 'Agreed, not a word', 'left');
  await screenshot(page, 'direct-conversation');

  // Eve was in the same room the whole time: nothing of theirs reaches her.
  await expect(directMessages(evePage).getByText('Conversations with people show up here.')).toBeVisible();
  await expect(directMessages(evePage).getByRole('link')).toHaveCount(0);
  await expect(evePage.getByText('Psst, just between us')).toHaveCount(0);
  await evePage.goto(new URL(page.url()).pathname);
  await expect(evePage.getByRole('heading', { name: 'This room is not available' })).toBeVisible();
});

test('a group of three: started from "New message", named by anyone in it, talked in by all', async ({ page, browser }) => {
  const room = uniqueName('office');
  const [ann, bob, cleo] = [uniqueName('Ann'), uniqueName('Bob'), uniqueName('Cleo')];
  await joinAsGuest(page, ann, room);
  const bobPage = await newPerson(browser, bob, room);
  const cleoPage = await newPerson(browser, cleo, room);

  await page.getByRole('button', { name: 'New message' }).click();
  await expect(page.getByRole('dialog', { name: 'New message' })).toBeVisible();
  await pickPeople(page, [bob, cleo]);
  await page.getByRole('dialog').getByRole('button', { name: 'Start' }).click();
  const title = named([bob, cleo]);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await sendMessage(page, 'Lunch at noon?');

  for (const [person, others] of [
    [bobPage, [ann, cleo]],
    [cleoPage, [ann, bob]],
  ] as const) {
    await directMessages(person)
      .getByRole('link', { name: `${named(others)}, online, 1 unread` })
      .click();
    await expectMessageOn(person, 'Lunch at noon?', 'left');
  }
  await cleoPage.getByRole('button', { name: 'Rename group' }).click();
  await cleoPage.getByRole('dialog', { name: 'Rename group' }).getByLabel('Group name').fill('Lunch club');
  await cleoPage.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  for (const person of [page, bobPage, cleoPage]) {
    await expect(person.getByRole('heading', { level: 1, name: 'Lunch club' })).toBeVisible();
    await expect(directMessages(person).getByRole('link', { name: /^Lunch club/ })).toBeVisible();
  }
  await sendMessage(bobPage, 'Noon works');
  await expectMessageOn(page, 'Noon works', 'left');
  await expectMessageOn(cleoPage, 'Noon works', 'left');
  await screenshot(cleoPage, 'direct-group');

  // Starting the same three again opens the same group.
  await bobPage.getByRole('button', { name: 'New message' }).click();
  await pickPeople(bobPage, [ann, cleo]);
  await bobPage.getByRole('dialog').getByRole('button', { name: 'Start' }).click();
  await expect(bobPage.getByRole('heading', { level: 1, name: 'Lunch club' })).toBeVisible();
  await expect(directMessages(bobPage).getByRole('link')).toHaveCount(1);
});

test('a group takes more people, who see what was said; anyone may leave it, and the others see them go', async ({ page, browser }) => {
  const room = uniqueName('yard');
  const [ann, bob, cleo, dan] = [uniqueName('Ann'), uniqueName('Bob'), uniqueName('Cleo'), uniqueName('Dan')];
  await joinAsGuest(page, ann, room);
  const bobPage = await newPerson(browser, bob, room);
  await newPerson(browser, cleo, room);
  const danPage = await newPerson(browser, dan, room);
  await page.getByRole('button', { name: 'New message' }).click();
  await pickPeople(page, [bob, cleo]);
  await page.getByRole('dialog').getByRole('button', { name: 'Start' }).click();
  // The conversation opens once the server answered: write only then, or the words go to the room.
  await expect(page.getByRole('heading', { level: 1, name: named([bob, cleo]) })).toBeVisible();
  await sendMessage(page, 'Said before Dan came');

  await page.getByRole('button', { name: 'Add people' }).click();
  await expect(page.getByRole('dialog', { name: 'Add people' })).toBeVisible();
  await pickPeople(page, [dan]);
  await page.getByRole('dialog').getByRole('button', { name: 'Add' }).click();
  const four = named([bob, cleo, dan]);
  await expect(page.getByRole('heading', { level: 1, name: four })).toBeVisible();
  // What was said before Dan came is history to him, not unread.
  await directMessages(danPage)
    .getByRole('link', { name: `${named([ann, bob, cleo])}, online` })
    .click();
  await expectMessageOn(danPage, 'Said before Dan came', 'left');

  await danPage.getByRole('button', { name: 'Leave room' }).click();
  await expect(directMessages(danPage).getByRole('link')).toHaveCount(0);
  const three = named([bob, cleo]);
  await expect(page.getByRole('heading', { level: 1, name: three })).toBeVisible();
  await expect(
    directMessages(bobPage).getByRole('link', {
      name: new RegExp(`^${named([ann, cleo])}`),
    }),
  ).toBeVisible();
});

test('blocking: the blocked one’s messages fold away for the blocker, and they cannot write to the blocker directly', async ({
  page,
  browser,
}) => {
  const room = uniqueName('square');
  const [ann, bob] = [uniqueName('Ann'), uniqueName('Bob')];
  await joinAsGuest(page, ann, room);
  const bobPage = await newPerson(browser, bob, room);
  await sendMessage(bobPage, 'Buy my timeshare');
  await conversation(page, room).getByRole('button', { name: bob }).click();
  const card = page.getByRole('dialog', { name: bob });
  await card.getByRole('button', { name: 'Block' }).click();
  await expect(card.getByRole('button', { name: 'Unblock' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();

  const folded = conversation(page, room).getByRole('button', { name: /^1 message from a blocked user/ });
  await expect(folded).toBeVisible();
  await expect(conversation(page, room).getByText('Buy my timeshare')).toHaveCount(0);
  await sendMessage(bobPage, 'Really cheap');
  await expect(conversation(page, room).getByRole('button', { name: /^2 messages from a blocked user/ })).toBeVisible();
  await screenshot(page, 'direct-blocked-folded');
  await conversation(page, room)
    .getByRole('button', { name: /^2 messages from a blocked user/ })
    .click();
  await expect(conversation(page, room).getByText('Buy my timeshare')).toBeVisible();

  // Bob tries to write to Ann directly: a clear refusal.
  await onlineList(bobPage).getByRole('button', { name: ann }).click();
  await bobPage.getByRole('dialog', { name: ann }).getByRole('button', { name: 'Message' }).click();
  await expect(bobPage.getByRole('dialog', { name: ann }).getByRole('alert')).toHaveText('This person does not accept your messages');

  // Unblocking from the account page brings the messages back.
  await page.goto('/account');
  await page.getByRole('button', { name: `Unblock ${bob}` }).click();
  await expect(page.getByText('You block no one.')).toBeVisible();
});

test('a one-to-one across a block is closed both ways, and each side is told', async ({ page, browser }) => {
  const room = uniqueName('lane');
  const [ann, bob] = [uniqueName('Ann'), uniqueName('Bob')];
  await joinAsGuest(page, ann, room);
  const bobPage = await newPerson(browser, bob, room);
  await onlineList(bobPage).getByRole('button', { name: ann }).click();
  await bobPage.getByRole('dialog', { name: ann }).getByRole('button', { name: 'Message' }).click();
  await expect(bobPage.getByRole('heading', { level: 1, name: ann })).toBeVisible();
  await sendMessage(bobPage, 'Hello Ann');
  await directMessages(page)
    .getByRole('link', { name: `${bob}, online, 1 unread` })
    .click();
  await expectMessageOn(page, 'Hello Ann', 'left');

  await onlineList(page).getByRole('button', { name: bob }).click();
  await page.getByRole('dialog', { name: bob }).getByRole('button', { name: 'Block' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByText(`You block ${bob}: neither of you can write here until you unblock them.`)).toBeVisible();
  await screenshot(page, 'direct-blocker-side');

  await sendMessage(bobPage, 'Are you there?');
  await expect(bobPage.getByRole('alert')).toContainText('Not sent: This person does not accept your messages');
  await screenshot(bobPage, 'direct-blocked-side');
  await expect(page.getByText('Are you there?')).toHaveCount(0);
});

test('a profile: display name, status and local time set on the account page, seen by someone else', async ({ page, browser }) => {
  const room = uniqueName('studio');
  const [ann, bob] = [uniqueName('Ann'), uniqueName('Bob')];
  await joinAsGuest(page, ann, room);
  const bobPage = await newPerson(browser, bob, room);
  await page.goto('/account');
  await page.getByLabel('Display name').fill('Ann the Painter');
  await page.getByLabel('Status').fill('Painting until five');
  await page.getByLabel('Time zone').fill('Asia/Tokyo');
  await page.getByLabel('Only people I share a room with').check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Profile saved.')).toBeVisible();
  await screenshot(page, 'account-profile');

  await onlineList(bobPage).getByRole('button', { name: ann }).click();
  const card = bobPage.getByRole('dialog', { name: 'Ann the Painter' });
  await expect(card.getByText(`@${ann} · Guest`)).toBeVisible();
  await expect(card.getByText('Painting until five')).toBeVisible();
  await expect(card.getByText('(Asia/Tokyo)')).toBeVisible();
  await screenshot(bobPage, 'profile-card');
  // They share a room, so the policy lets Bob write.
  await card.getByRole('button', { name: 'Message' }).click();
  await expect(bobPage.getByRole('heading', { level: 1, name: ann })).toBeVisible();
});

test('the people panel lists everyone, the absent greyed with when they were last seen; offline, presence is unknown', async ({
  page,
  browser,
}) => {
  const room = uniqueName('hall');
  const [ann, bob] = [uniqueName('Ann'), uniqueName('Bob')];
  await joinAsGuest(page, ann, room);
  const bobPage = await newPerson(browser, bob, room);
  await expect(onlineList(page).getByRole('button', { name: bob })).toBeVisible();
  await bobPage.context().close();
  const offline = page.getByRole('list', { name: 'Offline', exact: true });
  await expect(offline.getByRole('button', { name: new RegExp(`^${bob}\\s*last seen`) })).toBeVisible();
  await screenshot(page, 'people-panel');

  await page.context().setOffline(true);
  await expect(page.getByRole('complementary', { name: 'People' }).getByText('Presence unknown while you are offline.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Members', exact: true }).getByRole('button', { name: bob })).toBeVisible();
  await screenshot(page, 'people-panel-offline');
  await page.context().setOffline(false);
  await expect(onlineList(page).getByRole('button', { name: ann })).toBeVisible();
});
