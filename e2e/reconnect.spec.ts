import { expect, test } from './support/test.js';
import { botJoining, botSays } from './support/api.js';
import { conversation, expectMessage, joinAsGuest, screenshot, sendMessage, uniqueName } from './support/chat.js';
import { type OwnServer, ownServer } from './support/server.js';

let server: OwnServer;

test.beforeEach(async () => {
  server = ownServer(3940 + test.info().parallelIndex);
  await server.start();
});
test.afterEach(() => server.dispose());

test('after the server restarts nothing is missing, nothing is doubled, and a message sent meanwhile arrives', async ({ browser }) => {
  test.setTimeout(60_000);
  const room = uniqueName('harbour');
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await joinAsGuest(page, uniqueName('Uma'), room);
  const otherContext = await browser.newContext({ baseURL: server.url });
  const other = await otherContext.newPage();
  await joinAsGuest(other, uniqueName('Vic'), room);
  await sendMessage(other, 'Before the storm');
  await expectMessage(page, 'Before the storm');

  await server.stop();
  await expect(page.getByRole('status')).toContainText('Reconnecting…');
  await sendMessage(page, 'Sent while the server was down');
  await expect(conversation(page).getByText('Sending…')).toBeVisible();
  await screenshot(page, 'desktop-reconnecting');

  await server.start();
  await expect(page.getByRole('status')).not.toContainText('Reconnecting…', { timeout: 15_000 });
  await expect(conversation(page).getByText('Sending…')).toHaveCount(0, { timeout: 15_000 });
  await expectMessage(other, 'Sent while the server was down');
  await sendMessage(other, 'After the storm');
  await expectMessage(page, 'After the storm');

  for (const p of [page, other]) {
    await expect(conversation(p).getByText('Before the storm', { exact: true })).toHaveCount(1);
    await expect(conversation(p).getByText('Sent while the server was down', { exact: true })).toHaveCount(1);
  }
  await page.reload();
  await expectMessage(page, 'Sent while the server was down');
  await expect(conversation(page).getByText('Sent while the server was down', { exact: true })).toHaveCount(1);
  await context.close();
  await otherContext.close();
});

test('messages posted while I was offline are caught up when the network is back', async ({ browser }) => {
  const room = uniqueName('pier');
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await joinAsGuest(page, uniqueName('Wes'), room);
  const { bot, room: joined } = await botJoining(server.url, uniqueName('Xena'), room);
  await botSays(bot, joined.id, 'While you were here');
  await expectMessage(page, 'While you were here');

  await context.setOffline(true);
  await expect(page.getByRole('status')).toContainText('Reconnecting…');
  for (let i = 1; i <= 3; i++) await botSays(bot, joined.id, `Missed message ${i}`);
  await context.setOffline(false);

  for (let i = 1; i <= 3; i++) await expectMessage(page, `Missed message ${i}`);
  await expect(page.getByRole('status')).not.toContainText('Reconnecting…');
  await expect(conversation(page).getByText('While you were here', { exact: true })).toHaveCount(1);
  bot.close();
  await context.close();
});
