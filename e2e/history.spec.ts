import { expect, test } from './support/test.js';
import { botJoining, botSays } from './support/api.js';
import { conversation, expectMessage, joinAsGuest, message, uniqueName } from './support/chat.js';

test('the latest messages show at once and scrolling up loads older ones, each once', async ({ page, baseURL }) => {
  const room = uniqueName('archive');
  const { bot, room: seeded } = await botJoining(baseURL!, uniqueName('Historian'), room);
  for (let i = 1; i <= 120; i++) await botSays(bot, seeded.id, `Entry number ${i}`);
  bot.close();

  await joinAsGuest(page, uniqueName('Reader'), room);
  await expectMessage(page, 'Entry number 120');
  await expect(message(page, 'Entry number 1')).toHaveCount(0);

  const log = conversation(page, room);
  await log.hover();
  await expect(async () => {
    await page.mouse.wheel(0, -4000);
    await expect(message(page, 'Entry number 1')).toBeVisible({ timeout: 250 });
  }).toPass({ timeout: 20_000 });
  await expect(log.getByText('This is the start of')).toBeVisible();
  await expect(message(page, 'Entry number 1')).toHaveCount(1);
  await expect(message(page, 'Entry number 2')).toHaveCount(1);
});
