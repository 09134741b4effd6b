import { expect, test } from './support/test.js';
import { conversation, joinAsGuest, newPerson, sendMessage, uniqueName } from './support/chat.js';

test('a message written offline survives a closed tab and arrives once when the page is back', async ({ page, browser }) => {
  const room = uniqueName('outbox');
  await joinAsGuest(page, uniqueName('Ola'), room);
  const reader = await newPerson(browser, uniqueName('Pim'), room);
  const roomUrl = page.url();

  await page.context().setOffline(true);
  await expect(page.getByText(/Reconnecting|offline|Connecting/i).first()).toBeVisible({ timeout: 15_000 });
  await sendMessage(page, 'written on the train');
  await expect(conversation(page).getByText('Sending…')).toBeVisible();
  await page.close();

  const context = page.context();
  await context.setOffline(false);
  const back = await context.newPage();
  await back.goto(roomUrl);
  await expect(conversation(back).getByText('written on the train', { exact: true })).toHaveCount(1);
  await expect(conversation(back).getByText('Sending…')).toHaveCount(0);
  await expect(conversation(reader).getByText('written on the train', { exact: true })).toHaveCount(1);
  // Once more after a reload: still one, and the outbox is empty.
  await back.reload();
  await expect(conversation(back).getByText('written on the train', { exact: true })).toHaveCount(1);
  await expect(conversation(back).getByText('Sending…')).toHaveCount(0);
});
