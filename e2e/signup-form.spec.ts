import { expect, test } from './support/test.js';
import { alert, emailFor, fillSignUp } from './support/accounts.js';
import { screenshot, uniqueName } from './support/chat.js';

test('the sign-up page tells the password length before asking the server', async ({ page }) => {
  await page.goto('/signup');
  await expect(page.getByText('10–256 characters', { exact: false })).toBeVisible();
  await fillSignUp(page, uniqueName('Lou'), emailFor(uniqueName('Lou')), 'too short');
  await expect(alert(page)).toHaveText('A password needs at least 10 characters');
  await expect(page).toHaveURL(/\/signup$/);
  await screenshot(page, 'desktop-signup');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the sign-up page fits without sideways scrolling', async ({ page }) => {
    await page.goto('/signup');
    await page.getByLabel('Username', { exact: true }).fill('Rosa');
    await page.getByLabel('Email', { exact: true }).fill('rosa@example.test');
    await expect(page.getByRole('button', { name: 'Sign up', exact: true })).toBeVisible();
    const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-signup');
  });
});
