import { expect, test } from './support/test.js';
import { conversation, joinAsGuest, newPerson, screenshot, sendMessage, uniqueName } from './support/chat.js';
import type { Page } from '@playwright/test';

const article = (page: Page, text: string) => conversation(page).getByRole('article').filter({ hasText: text }).first();

test('formatting renders: bold, italic, strike, code, a highlighted block, a quote, a list and a safe link', async ({ page, browser }) => {
  const room = uniqueName('format');
  await joinAsGuest(page, uniqueName('Fay'), room);
  const reader = await newPerson(browser, uniqueName('Gus'), room);
  const composer = page.getByRole('textbox', { name: 'Message', exact: true });
  await composer.fill('**bold** _italic_ ~~gone~~ `x = 1` see https://example.org/docs');
  await composer.press('Enter');
  await composer.fill('```js');
  await composer.press('Shift+Enter');
  await composer.pressSequentially('const answer = 42;');
  await composer.press('Shift+Enter');
  await composer.pressSequentially('```');
  await composer.press('Enter');
  await sendMessage(page, '> quoted words\n\n- one\n- two');

  for (const p of [page, reader]) {
    const log = conversation(p);
    await expect(log.locator('strong', { hasText: 'bold' })).toBeVisible();
    await expect(log.locator('em', { hasText: 'italic' })).toBeVisible();
    await expect(log.locator('s', { hasText: 'gone' })).toBeVisible();
    await expect(log.locator('code', { hasText: 'x = 1' })).toBeVisible();
    const link = log.getByRole('link', { name: 'https://example.org/docs' });
    await expect(link).toHaveAttribute('href', 'https://example.org/docs');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow ugc');
    await expect(log.locator('pre code')).toContainText('const answer = 42;');
    // Highlighting arrives with its own chunk: the keyword gets a class.
    await expect(log.locator('pre code .hljs-keyword').first()).toHaveText('const');
    await expect(log.locator('blockquote', { hasText: 'quoted words' })).toBeVisible();
    await expect(log.locator('li')).toHaveCount(2);
  }
  await screenshot(reader, 'rich-formatting');
});

test('edit, delete, reply and react between two people, live', async ({ page, browser }) => {
  const room = uniqueName('living');
  const ann = uniqueName('Ann');
  await joinAsGuest(page, ann, room);
  const bobPage = await newPerson(browser, uniqueName('Bob'), room);

  await sendMessage(page, 'Lunch at noon?');
  await expect(article(bobPage, 'Lunch at noon?')).toBeVisible();

  // Edit from the message's own action.
  await article(page, 'Lunch at noon?').hover();
  await article(page, 'Lunch at noon?').getByRole('button', { name: 'Edit' }).click();
  const box = page.getByRole('textbox', { name: 'Edit message' });
  await box.fill('Lunch at one?');
  await box.press('Enter');
  await expect(article(bobPage, 'Lunch at one?')).toContainText('(edited)');

  // Up in an empty composer edits one's last message; Escape cancels.
  const composer = page.getByRole('textbox', { name: 'Message', exact: true });
  await composer.press('ArrowUp');
  await expect(page.getByRole('textbox', { name: 'Edit message' })).toHaveValue('Lunch at one?');
  await page.getByRole('textbox', { name: 'Edit message' }).press('Escape');
  await expect(page.getByRole('textbox', { name: 'Edit message' })).toHaveCount(0);

  // Bob replies: the composer says what he answers, the sent message quotes it.
  await article(bobPage, 'Lunch at one?').hover();
  await article(bobPage, 'Lunch at one?').getByRole('button', { name: 'Reply' }).click();
  await expect(bobPage.getByText(/Replying to/)).toContainText('Lunch at one?');
  await sendMessage(bobPage, 'Works for me');
  const quote = article(page, 'Works for me').getByRole('button', { name: `Reply to ${ann}: Lunch at one?` });
  await expect(quote).toBeVisible();

  // Bob reacts with the picker; Ann sees the count and adds hers by clicking the reaction.
  await article(bobPage, 'Lunch at one?').hover();
  await article(bobPage, 'Lunch at one?').getByRole('button', { name: 'Add reaction' }).click();
  await bobPage.getByRole('dialog', { name: 'Pick a reaction' }).getByRole('button', { name: '🎉' }).click();
  const reaction = article(page, 'Lunch at one?').getByRole('button', { name: /^🎉 1 reaction/ });
  await expect(reaction).toBeVisible();
  await expect(reaction).toHaveAttribute('aria-pressed', 'false');
  await reaction.click();
  await expect(article(page, 'Lunch at one?').getByRole('button', { name: /^🎉 2 reactions/ })).toHaveAttribute('aria-pressed', 'true');
  // Each sees the reaction as theirs: Ann's click leaves Bob's mark his.
  await expect(article(bobPage, 'Lunch at one?').getByRole('button', { name: /^🎉 2 reactions/ })).toHaveAttribute('aria-pressed', 'true');
  await article(bobPage, 'Lunch at one?')
    .getByRole('button', { name: /^🎉 2 reactions/ })
    .focus();
  await expect(article(bobPage, 'Lunch at one?').getByRole('button', { name: new RegExp(`^🎉 2 reactions by .*${ann}`) })).toBeVisible();
  await screenshot(page, 'rich-conversation');

  // Ann deletes, with a confirmation; the reply now points at a placeholder.
  await article(page, 'Lunch at one?').hover();
  await article(page, 'Lunch at one?').getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('alertdialog', { name: 'Delete this message?' }).getByRole('button', { name: 'Yes, delete' }).click();
  for (const p of [page, bobPage]) {
    await expect(conversation(p).getByText('Lunch at one?')).toHaveCount(0);
    await expect(conversation(p).getByText('Message deleted', { exact: true })).toBeVisible();
    await expect(article(p, 'Works for me').getByRole('button', { name: /message deleted/ })).toBeVisible();
  }
});

test('message actions work from the keyboard alone', async ({ page }) => {
  await joinAsGuest(page, uniqueName('Kim'), uniqueName('keys'));
  await sendMessage(page, 'typed by keys');
  const row = article(page, 'typed by keys');
  // Focus lands on the actions (they appear on focus), Enter presses them.
  await row.getByRole('button', { name: 'Add reaction' }).focus();
  await expect(row.getByRole('button', { name: 'Add reaction' })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // the picker focuses its first emoji
  await expect(row.getByRole('button', { name: /^👍 1 reaction/ })).toBeVisible();
});

test('a reply quote far back opens the history around the original', async ({ page }) => {
  test.setTimeout(120_000);
  const room = uniqueName('far');
  await joinAsGuest(page, uniqueName('Lou'), room);
  await sendMessage(page, 'the very first message');
  for (let i = 0; i < 52; i++) await sendMessage(page, `filler ${i}`);
  // Scroll back up to the first message and answer it.
  const first = article(page, 'the very first message');
  await expect(async () => {
    await conversation(page).hover();
    await page.mouse.wheel(0, -5000);
    await expect(first).toBeVisible({ timeout: 500 });
  }).toPass();
  await first.hover();
  await first.getByRole('button', { name: 'Reply' }).click();
  await sendMessage(page, 'an answer to the first');

  await page.reload();
  const answer = article(page, 'an answer to the first');
  await expect(answer).toBeVisible();
  await expect(conversation(page).getByText('the very first message', { exact: true })).toHaveCount(0);
  await answer.getByRole('button', { name: /^Reply to .*the very first message/ }).click();
  await expect(conversation(page).getByText('the very first message', { exact: true })).toBeVisible();
});
