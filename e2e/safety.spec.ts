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

test('markdown tricks render as text in the browser: no script runs, no link but http, https and mailto', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await joinAsGuest(page, uniqueName('Rae'), uniqueName('tricks'));
  const tricks = [
    '[click me](javascript:alert(1))',
    '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '**<img src=x onerror=alert(1)>**',
    '> <svg/onload=alert(1)>',
    '![x](https://example.org/x.png "t" onerror="alert(1)")',
    '[ok](https://example.org)',
  ];
  for (const trick of tricks) await sendMessage(page, trick);
  const log = page.getByRole('log');
  await expect(log.getByRole('link', { name: 'ok' })).toHaveAttribute('href', 'https://example.org');
  await expect(log.getByText('[click me](javascript:alert(1))')).toBeVisible();
  await expect(log.locator('img, svg:not([aria-hidden]), script, iframe, style')).toHaveCount(0);
  for (const href of await log.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))) {
    expect(href).toMatch(/^(https?:|mailto:)/);
  }
  expect(dialogs).toEqual([]);
});
