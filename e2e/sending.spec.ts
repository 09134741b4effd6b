import { expect, test } from './support/test.js';
import { conversation, expectMessage, joinAsGuest, newPerson, screenshot, uniqueName } from './support/chat.js';

test('a send the server refuses shows Retry, and the retry delivers it once with the same clientId', async ({ page, browser }) => {
  const room = uniqueName('workbench');
  const sentClientIds: string[] = [];
  let refuseNext = true;
  // Stands between the page and the server, and answers the first message:send with an error.
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((frame) => {
      const send = typeof frame === 'string' ? /^42(\d+)\["message:send",(.*)\]$/.exec(frame) : null;
      if (send) {
        sentClientIds.push((JSON.parse(send[2]!) as { clientId: string }).clientId);
        if (refuseNext) {
          refuseNext = false;
          ws.send(`43${send[1]}[{"ok":false,"error":{"code":"INTERNAL","message":"Something went wrong"}}]`);
          return;
        }
      }
      server.send(frame);
    });
    server.onMessage((frame) => ws.send(frame));
  });

  await joinAsGuest(page, uniqueName('Yara'), room);
  const reader = await newPerson(browser, uniqueName('Zed'), room);
  const composer = page.getByRole('textbox', { name: 'Message', exact: true });
  await composer.fill('Does this reach you?');
  await page.getByRole('button', { name: 'Send', exact: true }).click();

  await expect(conversation(page).getByText('Not sent: Something went wrong')).toBeVisible();
  await screenshot(page, 'desktop-failed-send');
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(conversation(page).getByText('Not sent', { exact: false })).toHaveCount(0);
  await expectMessage(reader, 'Does this reach you?');
  await expect(conversation(reader).getByText('Does this reach you?', { exact: true })).toHaveCount(1);
  await expect(conversation(page).getByText('Does this reach you?', { exact: true })).toHaveCount(1);
  expect(sentClientIds).toHaveLength(2);
  expect(sentClientIds[1]).toBe(sentClientIds[0]);
});
