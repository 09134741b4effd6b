import { expect, test } from './support/test.js';
import { botJoining } from './support/api.js';
import { joinAsGuest, screenshot, uniqueName } from './support/chat.js';
import { type OwnServer, ownServer } from './support/server.js';

let server: OwnServer;

test.beforeEach(async () => {
  // A server of its own: 105 public rooms would crowd every other test's directory.
  server = ownServer(3960 + test.info().parallelIndex);
  await server.start();
});
test.afterEach(() => server.dispose());

test('the public directory comes a page at a time: "More public rooms" shows the rest', async ({ browser }) => {
  test.setTimeout(60_000);
  for (let i = 0; i < 105; i++) {
    const { bot } = await botJoining(server.url, `Founder ${i}`, `Room ${String(i).padStart(3, '0')}`);
    bot.close();
  }
  const page = await (await browser.newContext({ baseURL: server.url })).newPage();
  await joinAsGuest(page, uniqueName('Wren'), uniqueName('hall'));
  const directory = page.getByRole('region', { name: 'Public rooms' });
  await expect(directory.getByRole('link')).toHaveCount(100);
  const firstPage = new Set(await directory.getByRole('link').allTextContents());
  await directory.getByRole('button', { name: 'More public rooms' }).click();
  await expect(directory.getByRole('link')).toHaveCount(105);
  const added = (await directory.getByRole('link').allTextContents()).filter((name) => !firstPage.has(name));
  expect(added).toHaveLength(5);
  await expect(directory.getByRole('button', { name: 'More public rooms' })).toHaveCount(0);
  await screenshot(page, 'directory-paged');
});
