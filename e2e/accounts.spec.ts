import { expect, test } from './support/test.js';
import {
  accountMenuButton,
  alert,
  chooseFromAccountMenu,
  emailFor,
  expectLanding,
  expectSignedInAs,
  fillSignUp,
  logIn,
  signUp,
  submitLogin,
} from './support/accounts.js';
import { conversation, expectMessageOn, joinAsGuest, screenshot, sendMessage, uniqueName } from './support/chat.js';
import { resetLinkIn, waitForMail } from './support/mail.js';

test('someone who forgot their password gets the mail, sets a new one and gets back in', async ({ page, baseURL }) => {
  const nora = uniqueName('Nora');
  await signUp(page, nora, 'first password one');
  await chooseFromAccountMenu(page, 'Log out');
  await expectLanding(page);

  await page.getByRole('link', { name: 'Log in', exact: true }).click();
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await page.getByLabel('Email', { exact: true }).fill(emailFor(nora));
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();

  const link = resetLinkIn(await waitForMail(emailFor(nora)));
  expect(link).toMatch(new RegExp(`^${baseURL}/reset/`));
  await page.goto(link);
  await page.getByLabel('New password', { exact: true }).fill('second password two');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('status')).toHaveText('Password changed: log in with your new password');

  await submitLogin(page, nora, 'first password one');
  await expect(alert(page)).toHaveText(/\S/);
  await screenshot(page, 'desktop-login');

  await page.goto(link);
  await page.getByLabel('New password', { exact: true }).fill('third password three');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(alert(page)).toContainText('invalid or has expired');

  await logIn(page, emailFor(nora), 'second password two', nora);
});

test('a guest who creates an account keeps their name, their room and their messages', async ({ page }) => {
  const room = uniqueName('allotment');
  const gil = uniqueName('Gil');
  await joinAsGuest(page, gil, room);
  await sendMessage(page, 'The beans are up');
  await expect(page.getByText('Sending…')).toHaveCount(0);
  const invitation = page.getByRole('link', { name: 'Keep your name: create an account' });
  await expect(invitation).toBeVisible();
  await screenshot(page, 'desktop-guest-invitation');

  await invitation.click();
  await expect(page.getByRole('heading', { name: 'Keep your name' })).toBeVisible();
  await expect(page.getByLabel('Username', { exact: true })).toHaveValue(gil);
  await fillSignUp(page, null, emailFor(gil), 'a long enough password');

  await expect(conversation(page, room)).toBeVisible();
  await expectMessageOn(page, 'The beans are up', 'right');
  await expectSignedInAs(page, gil);
  await expect(accountMenuButton(page)).not.toContainText(/guest/i);
  await expect(invitation).toHaveCount(0);
  await sendMessage(page, 'Now with an account');
  await expectMessageOn(page, 'Now with an account', 'right');

  await page.reload();
  await expect(conversation(page, room)).toBeVisible();
  await expectMessageOn(page, 'The beans are up', 'right');
  await expectMessageOn(page, 'Now with an account', 'right');
  await expectSignedInAs(page, gil);
  await expect(invitation).toHaveCount(0);
});

test('Sign out everywhere also signs out my other browser', async ({ page, browser }) => {
  const ida = uniqueName('Ida');
  await signUp(page, ida, 'ida has a password');
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await logIn(other, ida, 'ida has a password', ida);

  await accountMenuButton(page).click();
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem')).toHaveText(['Account', 'Log out', 'Sign out everywhere']);
  await screenshot(page, 'desktop-account-menu');
  await menu.getByRole('menuitem', { name: 'Sign out everywhere' }).click();
  await expectLanding(page);
  await expectLanding(other);
  await expect(other.getByRole('status')).toHaveText('You were signed out');
  await screenshot(other, 'desktop-signed-out');
  await expect(page.getByText('You were signed out')).toHaveCount(0);

  await other.reload();
  await expectLanding(other);
  await otherContext.close();
});

test('the Account page changes the password, and the email only with the right password', async ({ page }) => {
  const kai = uniqueName('Kai');
  const newEmail = emailFor(`${kai}-home`);
  await signUp(page, kai, 'old password 1234');
  await chooseFromAccountMenu(page, 'Account');
  await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
  await expect(page.getByText(emailFor(kai))).toBeVisible();

  await page.getByLabel('Current password', { exact: true }).fill('old password 1234');
  await page.getByLabel('New password', { exact: true }).fill('new password 5678');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Password changed. Your other devices were logged out.')).toBeVisible();

  await page.getByLabel('Email', { exact: true }).fill(newEmail);
  await page.getByLabel('Password', { exact: true }).fill('old password 1234');
  await page.getByRole('button', { name: 'Change email' }).click();
  await expect(alert(page)).toHaveText(/\S/);
  await page.getByLabel('Password', { exact: true }).fill('new password 5678');
  await page.getByRole('button', { name: 'Change email' }).click();
  await expect(page.getByText(`Email changed to ${newEmail}.`)).toBeVisible();
  await expect(alert(page)).toHaveCount(0);
  await screenshot(page, 'desktop-account');

  await chooseFromAccountMenu(page, 'Log out');
  await expectLanding(page);
  await page.goto('/login');
  await submitLogin(page, kai, 'old password 1234');
  await expect(alert(page)).toHaveText(/\S/);
  await page.goto('/login');
  await submitLogin(page, emailFor(kai), 'new password 5678');
  await expect(alert(page)).toHaveText(/\S/);
  await logIn(page, newEmail, 'new password 5678', kai);
});
