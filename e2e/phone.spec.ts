import { expect, test } from './support/test.js';
import { conversation, expectMessageOn, joinAsGuest, newPerson, screenshot, sendMessage, uniqueName } from './support/chat.js';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function expectNoSidewaysScroll(page: import('@playwright/test').Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

test('on a phone the sidebar is a drawer and nothing scrolls sideways', async ({ page, browser }) => {
  const room = uniqueName('commute');
  await page.goto('/');
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'phone-landing');

  await joinAsGuest(page, uniqueName('Rosa'), room);
  const sidebar = page.getByRole('complementary', { name: 'Sidebar' });
  await expect(sidebar).toBeHidden();

  const sam = await newPerson(browser, uniqueName('Sam'), room);
  await sendMessage(sam, 'On the 8:15, see you soon. This line is long enough to wrap on a small screen without any trouble.');
  await sendMessage(sam, 'Front carriage');
  await sendMessage(page, `https://example.com/${'a-very-long-unbroken-path-segment'.repeat(4)}`);
  await sendMessage(page, 'Saving you a seat');
  await expectMessageOn(page, 'Front carriage', 'left');
  await expectMessageOn(page, 'Saving you a seat', 'right');
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'phone-chat');

  await page.getByRole('button', { name: 'Open menu' }).click();
  await expect(sidebar).toBeVisible();
  await expect(sidebar.getByRole('link', { name: room })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'phone-drawer');

  await page.getByRole('button', { name: 'Close menu' }).click();
  await expect(sidebar).toBeHidden();
  await expect(conversation(page, room)).toBeVisible();
});

test('on a phone a message opens its actions with "More" or a long press', async ({ page }) => {
  await joinAsGuest(page, uniqueName('Tia'), uniqueName('thumbs'));
  await sendMessage(page, 'tap me');
  const row = conversation(page).getByRole('article').filter({ hasText: 'tap me' }).first();
  await expect(row.getByRole('button', { name: 'Reply' })).toBeHidden();
  await row.getByRole('button', { name: 'More' }).tap();
  await row.getByRole('button', { name: 'Add reaction' }).tap();
  await page.getByRole('dialog', { name: 'Pick a reaction' }).getByRole('button', { name: '❤️' }).tap();
  await expect(row.getByRole('button', { name: /^❤️ 1 reaction/ })).toBeVisible();
  await screenshot(page, 'phone-actions');
});

test('on a phone a direct message starts from the drawer and its dialog fits the screen', async ({ page, browser }) => {
  const room = uniqueName('platform');
  const [uma, vic] = [uniqueName('Uma'), uniqueName('Vic')];
  await joinAsGuest(page, uma, room);
  const vicPage = await newPerson(browser, vic, room);
  await page.getByRole('button', { name: 'Open menu' }).click();
  await page.getByRole('button', { name: 'New message' }).tap();
  const dialog = page.getByRole('dialog', { name: 'New message' });
  await dialog.getByRole('combobox', { name: 'People' }).fill(vic);
  await dialog.getByRole('option', { name: vic }).tap();
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'phone-new-message');
  await dialog.getByRole('button', { name: 'Start' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: vic })).toBeVisible();
  // Vic opens the conversation's address (his sidebar lists it too) before Uma writes: it arrives live.
  await vicPage.goto(new URL(page.url()).pathname);
  await expect(vicPage.getByRole('heading', { level: 1, name: uma })).toBeVisible();
  await sendMessage(page, 'Which platform?');
  await expectMessageOn(vicPage, 'Which platform?', 'left');
  await expectNoSidewaysScroll(page);
  await expect(page.getByText('Direct message · online')).toBeVisible();
  await screenshot(page, 'phone-direct');
});
