import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test.js';
import { conversation, joinAsGuest, newPerson, screenshot, sendMessage, uniqueName } from './support/chat.js';
import { accountMenuButton } from './support/accounts.js';

const picture = (width: number, height: number, r: number) =>
  sharp({ create: { width, height, channels: 3, background: { r, g: 140, b: 60 } } })
    .png()
    .toBuffer();
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const composer = (page: Page) => page.getByRole('textbox', { name: 'Message', exact: true });
const article = (page: Page, text: string) => conversation(page).getByRole('article').filter({ hasText: text }).first();

/** What a person's paste of a copied picture does: a paste event carrying the file. */
async function pastePicture(page: Page, name: string, bytes: Buffer): Promise<void> {
  await composer(page).focus();
  await page.evaluate(
    ({ base64, name }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name, { type: 'image/png' }));
      document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { base64: bytes.toString('base64'), name },
  );
}

/** A few seconds of video, recorded from a canvas by the browser itself (WebM, VP8). */
async function recordVideo(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 160;
    canvas.height = 120;
    const context = canvas.getContext('2d')!;
    const recorder = new MediaRecorder(canvas.captureStream(25), { mimeType: 'video/webm;codecs=vp8' });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => chunks.push(e.data);
    let frame = 0;
    const timer = setInterval(() => {
      context.fillStyle = `hsl(${(frame += 12) % 360} 80% 50%)`;
      context.fillRect(0, 0, 160, 120);
    }, 40);
    recorder.start(200);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const stopped = new Promise((resolve) => (recorder.onstop = resolve));
    recorder.stop();
    await stopped;
    clearInterval(timer);
    const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
    let text = '';
    for (const byte of bytes) text += String.fromCharCode(byte);
    return btoa(text);
  });
  return Buffer.from(base64, 'base64');
}

test('Ann pastes a picture and attaches a second one and a PDF; Bob sees thumbnails, opens the lightbox and downloads the PDF', async ({
  page,
  browser,
}) => {
  const room = uniqueName('photos');
  await joinAsGuest(page, uniqueName('Ann'), room);
  const bob = await newPerson(browser, uniqueName('Bob'), room);

  await pastePicture(page, 'sunset.png', await picture(1600, 1000, 230));
  await page.getByLabel('Attach files').setInputFiles([
    { name: 'garden.png', mimeType: 'image/png', buffer: await picture(800, 1200, 40) },
    { name: 'report.pdf', mimeType: 'application/pdf', buffer: pdf },
  ]);
  const tray = page.getByRole('list', { name: 'Files to send' });
  await expect(tray.getByRole('listitem')).toHaveCount(3);
  await expect(tray.getByText('report.pdf')).toBeVisible();
  // Ann says what the garden picture shows: that is its alt text for Bob.
  await tray.getByRole('button', { name: 'Describe garden.png' }).click();
  await page.getByRole('textbox', { name: 'Description of garden.png' }).fill('Tomatoes on the balcony');
  await page.getByRole('textbox', { name: 'Description of garden.png' }).press('Enter');
  await expect(tray.getByRole('button', { name: 'Described garden.png' })).toBeVisible();
  await sendMessage(page, 'Photos from Sunday, and the report');
  await expect(tray).toBeHidden();

  const message = article(bob, 'Photos from Sunday');
  const thumb = message.getByRole('img', { name: 'sunset.png' });
  await expect(thumb).toBeVisible();
  // Sized before it loads: the list does not jump when it arrives.
  await expect(thumb).toHaveAttribute('width', '320');
  await expect(thumb).toHaveAttribute('height', '200');
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
  await expect(message.getByRole('img', { name: 'Tomatoes on the balcony' })).toBeVisible();
  await screenshot(bob, 'files-message');

  await message.getByRole('button', { name: 'Open sunset.png' }).click();
  const lightbox = bob.getByRole('dialog', { name: 'sunset.png' });
  await expect(lightbox).toBeVisible();
  await expect.poll(() => lightbox.getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1600);
  await expect(lightbox.getByText('1 of 2')).toBeVisible();
  await screenshot(bob, 'files-lightbox');
  await bob.keyboard.press('ArrowRight');
  await expect(bob.getByRole('dialog', { name: 'Tomatoes on the balcony' })).toBeVisible();
  await bob.keyboard.press('ArrowLeft');
  await expect(bob.getByRole('dialog', { name: 'sunset.png' })).toBeVisible();
  await bob.keyboard.press('Escape');
  await expect(bob.getByRole('dialog')).toBeHidden();

  // At phone size the thumbnails fit and the lightbox fills the screen.
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
  await joinAsGuest(phone, uniqueName('Cat'), room);
  await article(phone, 'Photos from Sunday').getByRole('button', { name: 'Open sunset.png' }).click();
  await expect(phone.getByRole('dialog', { name: 'sunset.png' })).toBeVisible();
  await screenshot(phone, 'files-lightbox-phone');
  await phone.getByRole('button', { name: 'Next picture' }).click();
  await expect(phone.getByRole('dialog', { name: 'Tomatoes on the balcony' })).toBeVisible();
  await phone.getByRole('button', { name: 'Close' }).click();
  await screenshot(phone, 'files-message-phone');

  const card = message.getByRole('link', { name: 'report.pdf' });
  await expect(card).toContainText('PDF');
  const [download] = await Promise.all([bob.waitForEvent('download'), card.click()]);
  expect(download.suggestedFilename()).toBe('report.pdf');
  expect(readFileSync(await download.path())).toEqual(pdf);
});

test('an upload shows its progress and can be cancelled; a refused one says why and can be removed', async ({ page }) => {
  await joinAsGuest(page, uniqueName('Cy'), uniqueName('uploads'));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  // A slow line, so the upload is still going when we look.
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 50, downloadThroughput: -1, uploadThroughput: 200_000 });
  await page
    .getByLabel('Attach files')
    .setInputFiles({ name: 'big.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(3_000_000, 7) });
  const progress = page.getByRole('progressbar', { name: 'Uploading big.bin' });
  await expect(progress).toBeVisible();
  await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  await screenshot(page, 'files-progress');
  await page.getByRole('button', { name: 'Cancel big.bin' }).click();
  await expect(page.getByRole('list', { name: 'Files to send' })).toBeHidden();
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

  const program = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200)]);
  await page.getByLabel('Attach files').setInputFiles({ name: 'setup.bin', mimeType: 'application/octet-stream', buffer: program });
  await expect(page.getByRole('alert').filter({ hasText: 'not accepted' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove setup.bin' }).click();
  await expect(page.getByRole('list', { name: 'Files to send' })).toBeHidden();

  // A file dropped on the conversation is attached too, and a message of files alone can be sent.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['meeting at noon'], 'notes.txt', { type: 'text/plain' }));
    const target = document.querySelector('[role="log"]')!;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByRole('list', { name: 'Files to send' }).getByText('notes.txt')).toBeVisible();
  await composer(page).press('Enter');
  await expect(conversation(page).getByRole('link', { name: 'notes.txt' })).toBeVisible();
});

test('a video plays inline and seeks (range requests), at phone size too', async ({ page, browser }) => {
  const room = uniqueName('video');
  await joinAsGuest(page, uniqueName('Dee'), room);
  const video = await recordVideo(page);
  await page.getByLabel('Attach files').setInputFiles({ name: 'clip.webm', mimeType: 'video/webm', buffer: video });
  await expect(page.getByRole('list', { name: 'Files to send' }).getByText(/KB|MB/)).toBeVisible();
  await sendMessage(page, 'A short clip');

  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
  await joinAsGuest(phone, uniqueName('Eli'), room);
  const player = conversation(phone).locator('video[aria-label="clip.webm"]');
  await expect(player).toBeVisible();
  await player.evaluate(async (v: HTMLVideoElement) => {
    v.muted = true;
    await v.play();
  });
  await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(0.2);
  const seeked = await player.evaluate(
    (v: HTMLVideoElement) =>
      new Promise<number>((resolve) => {
        v.pause();
        v.addEventListener('seeked', () => resolve(v.currentTime), { once: true });
        v.currentTime = 2;
      }),
  );
  expect(seeked).toBeGreaterThan(1.5);
  // What lets it seek: the file's address answers byte ranges, for this person's session.
  const partial = await player.evaluate(async (v: HTMLVideoElement) => {
    const response = await fetch(v.currentSrc, { headers: { range: 'bytes=0-99' } });
    return [response.status, response.headers.get('content-range'), (await response.arrayBuffer()).byteLength];
  });
  expect(partial).toEqual([206, expect.stringMatching(/^bytes 0-99\/\d+$/), 100]);
  await screenshot(phone, 'files-video-phone');
});

test('the first link gets a card, which its author can remove; a YouTube link loads its player only when clicked', async ({
  page,
  browser,
}) => {
  const site: Server = createServer((req, res) => {
    if (req.url === '/card.png') {
      void picture(1200, 630, 90).then((png) => res.setHeader('content-type', 'image/png').end(png));
      return;
    }
    res.setHeader('content-type', 'text/html');
    res.end(`<html><head><title>x</title><meta property="og:title" content="Hearth release notes">
      <meta property="og:description" content="Files, pictures and link cards arrive."><meta property="og:site_name" content="Hearth blog">
      <meta property="og:image" content="/card.png"></head><body></body></html>`);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(site.address() as AddressInfo).port}/notes`;
    const room = uniqueName('links');
    await joinAsGuest(page, uniqueName('Fay'), room);
    const bob = await newPerson(browser, uniqueName('Gus'), room);
    await sendMessage(page, `What is new: ${url}`);
    const card = article(bob, 'What is new').getByRole('complementary', { name: 'Link preview: Hearth release notes' });
    await expect(card).toBeVisible();
    await expect(card).toContainText('Files, pictures and link cards arrive.');
    await expect(card.getByRole('link', { name: 'Hearth release notes' })).toHaveAttribute('href', url);
    await expect.poll(() => card.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(600);
    await expect(article(bob, 'What is new').getByRole('link', { name: url })).toBeVisible();
    await screenshot(bob, 'files-link-card');
    await expect(card.getByRole('button', { name: 'Remove preview' })).toHaveCount(0);
    await article(page, 'What is new').getByRole('button', { name: 'Remove preview' }).click();
    await expect(card).toBeHidden();

    await sendMessage(page, 'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    const play = article(bob, 'youtube.com').getByRole('button', { name: /^Play video/ });
    await expect(play).toBeVisible();
    await expect(article(bob, 'youtube.com').locator('iframe')).toHaveCount(0);
    await play.click();
    await expect(article(bob, 'youtube.com').locator('iframe')).toHaveAttribute('src', /youtube-nocookie\.com\/embed\/dQw4w9WgXcQ/);
  } finally {
    site.close();
  }
});

test('a person sets a profile picture, cropped square; it shows beside their messages for others, on desktop and phone', async ({
  page,
  browser,
}) => {
  const room = uniqueName('faces');
  const ann = uniqueName('Ann');
  await joinAsGuest(page, ann, room);
  await sendMessage(page, 'Before my picture');
  await accountMenuButton(page).click();
  await page
    .getByRole('menu')
    .getByRole('menuitem', { name: /Account|Profile/ })
    .click();
  await page.getByLabel('Profile picture').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: await picture(900, 600, 20) });
  await expect(page.locator('.reactEasyCrop_Container')).toBeVisible();
  await page.getByLabel('Zoom').fill('1.5');
  await screenshot(page, 'files-avatar-crop');
  await page.getByRole('button', { name: 'Save picture' }).click();
  await expect(page.getByRole('button', { name: 'Remove picture' })).toBeVisible();
  await expect
    .poll(() =>
      page
        .locator('img[src*="/avatar?size=256"]')
        .first()
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    )
    .toBe(256);

  for (const viewport of [undefined, { width: 390, height: 844 }]) {
    const context = await browser.newContext(viewport ? { viewport, isMobile: true, hasTouch: true } : {});
    const other = await context.newPage();
    await joinAsGuest(other, uniqueName('Bo'), room);
    const face = article(other, 'Before my picture').locator('img[src*="/avatar?size=64"]');
    await expect.poll(() => face.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
    if (viewport) await screenshot(other, 'files-avatar-phone');
    await context.close();
  }
});
