import { expect, test } from './support/test.js';
import { expectMessage, joinAsGuest, newPerson, sendMessage, uniqueName } from './support/chat.js';

test('markup in a message is shown as literal text, never run', async ({ page, browser }) => {
  const room = uniqueName('sandbox');
  const markup = '<b>bold</b><img src=x onerror=alert(1)>';
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await joinAsGuest(page, uniqueName('Pia'), room);
  const reader = await newPerson(browser, uniqueName('Quinn'), room);
  reader.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await sendMessage(page, markup);
  await expectMessage(page, markup);
  await expectMessage(reader, markup);
  for (const p of [page, reader]) {
    await expect(p.getByRole('log').locator('img, b')).toHaveCount(0);
  }
  expect(dialogs).toEqual([]);
});
