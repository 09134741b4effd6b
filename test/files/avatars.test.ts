import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Message, User } from '../../src/contract/types.js';
import { createRoom, joinByCode, send } from '../support/chat.js';
import { download, jpegWithLocation } from '../support/files.js';
import { api, guest, type Guest } from '../support/hearth.js';
import { hearthSuite } from '../support/suite.js';

async function setAvatar(
  server: { url: string },
  who: Guest | null,
  bytes: Buffer | string,
  crop?: { x: number; y: number; size: number },
) {
  const form = new FormData();
  if (crop) for (const [k, v] of Object.entries(crop)) form.append(k, String(v));
  form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), 'me.jpg');
  const response = await fetch(`${server.url}/api/account/avatar`, {
    method: 'POST',
    body: form,
    headers: who ? { authorization: `Bearer ${who.token}` } : {},
  });
  return { status: response.status, body: (await response.json()) as { avatar?: string; error?: { code: string; message: string } } };
}

/** A 300 × 200 picture: left half red, right half blue. */
const halves = () =>
  sharp({ create: { width: 300, height: 200, channels: 3, background: { r: 255, g: 0, b: 0 } } })
    .composite([{ input: { create: { width: 150, height: 200, channels: 3, background: { r: 0, g: 0, b: 255 } } }, left: 150, top: 0 }])
    .png()
    .toBuffer();

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`profile pictures (${engine})`, () => {
    const suite = hearthSuite(engine);

    it('a picture is cut to the chosen square, made in 64 and 256 pixels without metadata, and shown beside messages', async () => {
      const [ann, bob] = [await guest(suite.server), await guest(suite.server)];
      const set = await setAvatar(suite.server, ann, await halves(), { x: 160, y: 20, size: 120 });
      expect(set.status).toBe(200);
      const version = set.body.avatar!;
      for (const size of ['64', '256']) {
        const picture = await download(suite.server, bob, `/api/people/${ann.user.id}/avatar?size=${size}&v=${version}`);
        expect([picture.status, picture.headers.get('content-type')]).toEqual([200, 'image/webp']);
        expect(picture.headers.get('cache-control')).toContain('immutable');
        const { data, info } = await sharp(picture.bytes).raw().toBuffer({ resolveWithObject: true });
        expect([info.width, info.height]).toEqual([Number(size), Number(size)]);
        // The square was taken from the blue half.
        expect([data[0]! < 30, data[2]! > 220]).toEqual([true, true]);
      }
      const room = await createRoom(suite.server, ann, `Faces ${engine} ${process.pid}`);
      await joinByCode(suite.server, bob, room.code);
      const ack = await send(await suite.open(ann.token), room.id, 'hello with a face');
      expect(ack.ok && ack.message.author.avatar).toBe(version);
      const page = await api<{ messages: Message[] }>(suite.server, 'GET', `/api/rooms/${room.id}/messages`, { token: bob.token });
      expect(page.body.messages.at(-1)?.author.avatar).toBe(version);
      const me = await api<{ user: User }>(suite.server, 'GET', '/api/me', { token: ann.token });
      expect(me.body.user.avatar).toBe(version);
    });

    it("a photo's location is not in its profile picture; a new one replaces the old; removing it removes it", async () => {
      const ann = await guest(suite.server);
      const first = (await setAvatar(suite.server, ann, await jpegWithLocation())).body.avatar!;
      const picture = await download(suite.server, ann, `/api/people/${ann.user.id}/avatar?size=256`);
      expect((await sharp(picture.bytes).metadata()).exif).toBeUndefined();
      expect((await sharp(picture.bytes).metadata()).width).toBe(256);
      const second = (await setAvatar(suite.server, ann, await halves())).body.avatar!;
      expect(second).not.toBe(first);
      const removed = await fetch(`${suite.server.url}/api/account/avatar`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${ann.token}` },
      });
      expect(removed.status).toBe(204);
      expect((await download(suite.server, ann, `/api/people/${ann.user.id}/avatar`)).status).toBe(404);
    });

    it('refuses what is not a picture, a broken one, no session, and a malformed crop, with clear errors', async () => {
      const ann = await guest(suite.server);
      const text = await setAvatar(suite.server, ann, 'just some text');
      expect([text.status, text.body.error?.code]).toEqual([415, 'UNSUPPORTED_MEDIA']);
      const photo = await jpegWithLocation();
      const broken = await setAvatar(suite.server, ann, photo.subarray(0, 400));
      expect([broken.status, broken.body.error?.code]).toEqual([415, 'UNSUPPORTED_MEDIA']);
      expect((await setAvatar(suite.server, null, photo)).status).toBe(401);
      const form = new FormData();
      form.append('x', 'left');
      form.append('file', new Blob([new Uint8Array(photo)]), 'me.jpg');
      const bad = await fetch(`${suite.server.url}/api/account/avatar`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${ann.token}` },
      });
      expect(bad.status).toBe(400);
      // A crop outside the picture falls back to its centre rather than failing.
      expect((await setAvatar(suite.server, ann, await halves(), { x: 250, y: 150, size: 100 })).status).toBe(200);
      expect((await download(suite.server, null, `/api/people/${ann.user.id}/avatar`)).status).toBe(401);
      expect((await download(suite.server, ann, `/api/people/${ann.user.id}/avatar?size=999`)).status).toBe(400);
    });
  });
}
