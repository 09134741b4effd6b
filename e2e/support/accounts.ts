import { type Locator, type Page, expect } from '@playwright/test';

/** Account steps in the product's language: sign up, log in, the account menu. */

export const emailFor = (username: string): string => `${username.toLowerCase()}@example.test`;

export function alert(page: Page): Locator {
  return page.getByRole('alert');
}

/** The landing page, signed out: its links to Log in and Sign up. */
export async function expectLanding(page: Page): Promise<void> {
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: 'A warm place for your group to talk.' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Log in', exact: true })).toBeVisible();
}

/** Fills the sign-up form and sends it; a guest finds their own name already filled in. */
export async function fillSignUp(page: Page, username: string | null, email: string, password: string): Promise<void> {
  if (username !== null) await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
}

/** A new account from the landing page; ends at home, signed in. */
export async function signUp(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: 'Sign up', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
  await fillSignUp(page, username, emailFor(username), password);
  await expectSignedInAs(page, username);
}

/** Fills the login form and sends it. */
export async function submitLogin(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('Username or email', { exact: true }).fill(login);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
}

export async function logIn(page: Page, login: string, password: string, expectedName: string): Promise<void> {
  await page.goto('/login');
  await submitLogin(page, login, password);
  await expectSignedInAs(page, expectedName);
}

export function accountMenuButton(page: Page): Locator {
  return page.getByRole('button', { name: /^Account menu/ });
}

export async function expectSignedInAs(page: Page, username: string): Promise<void> {
  await expect(accountMenuButton(page)).toHaveAccessibleName(`Account menu: ${username}`);
}

/** Opens the menu at the foot of the sidebar and picks an item. */
export async function chooseFromAccountMenu(
  page: Page,
  item: 'Account' | 'Create account' | 'Log out' | 'Sign out everywhere',
): Promise<void> {
  await accountMenuButton(page).click();
  await page.getByRole('menu').getByRole('menuitem', { name: item, exact: true }).click();
}
