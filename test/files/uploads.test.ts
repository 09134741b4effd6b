import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandAck } from '../../src/contract/commands.js';
import type { Message } from '../../src/contract/types.js';
import { storageKeyOf } from '../../src/server/core/files/attachment.js';
import { createRoom, joinByCode, remove } from '../support/chat.js';
import { animatedGif, download, jpegWithLocation, png, pngBomb, upload } from '../support/files.js';
import { guest, startHearth, waitFor, type Client, type Guest, type TestServer } from '../support/hearth.js';
import { hearthSuite } from '../support/suite.js';

let clientIds = 0;
const sendFiles = (client: Client, roomId: string, attachments: string[], text = '', clientId = `files-${++clientIds}`) =>
  client.socket.timeout(5000).emitWithAck('message:send', { roomId, text, clientId, attachments }) as Promise<CommandAck<'message:send'>>;

/** The start of an MP4 (an ftyp box): what file-type recognises as video/mp4. */
const mp4Bytes = () => {
  const head = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');
  const body = Buffer.alloc(4096);
  for (let i = 0; i < body.length; i++) body[i] = i % 251;
  return Buffer.concat([head, body]);
};

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`files: uploads, sending, serving and deleting (${engine})`, () => {
    const suite = hearthSuite(engine);
    let rooms = 0;

    /** Ann's private room with Bob in it, both connected; Eve is a stranger. */
    async function roomOfTwo() {
      const [ann, bob, eve] = [await guest(suite.server), await guest(suite.server), await guest(suite.server)];
      const room = await createRoom(suite.server, ann, `Files ${engine} ${process.pid} ${++rooms}`, 'private');
      await joinByCode(suite.server, bob, room.code);
      const [annSocket, bobSocket] = [await suite.open(ann.token), await suite.open(bob.token)];
      return { ann, bob, eve, room, annSocket, bobSocket };
    }

    async function sentPicture(who: Guest, socket: Client, roomId: string) {
      const up = await upload(suite.server, who, roomId, { name: 'holiday.jpg', bytes: await jpegWithLocation(), type: 'image/jpeg' });
      expect(up.status).toBe(201);
      const ack = await sendFiles(socket, roomId, [up.body.attachment!.id], 'look');
      if (!ack.ok) throw new Error(ack.error.message);
      return ack.message;
    }

    it('a photo is re-encoded without its EXIF (location included), sized, thumbnailed, and sent with a message', async () => {
      const { ann, bob, room, annSocket, bobSocket } = await roomOfTwo();
      const original = await jpegWithLocation();
      expect((await sharp(original).metadata()).exif).toBeDefined();
      const up = await upload(suite.server, ann, room.id, { name: 'holiday.jpg', bytes: original, type: 'image/jpeg' });
      expect(up.status).toBe(201);
      const attachment = up.body.attachment!;
      expect(attachment).toMatchObject({
        name: 'holiday.jpg',
        type: 'image/jpeg',
        kind: 'image',
        width: 1200,
        height: 800,
        alt: 'holiday.jpg',
      });
      expect(attachment.thumb).toEqual({ width: 480, height: 320 });

      const ack = await sendFiles(annSocket, room.id, [attachment.id], 'from the beach');
      if (!ack.ok) throw new Error(ack.error.message);
      expect(ack.message.attachments).toEqual([attachment]);
      const live = await waitFor(
        () => bobSocket.events.find((e) => e.event === 'message:created' && (e.data as { message: Message }).message.id === ack.message.id),
        'Bob hears the message with its file',
      );
      expect((live.data as { message: Message }).message.attachments).toEqual([attachment]);

      const full = await download(suite.server, bob, `/api/files/${attachment.id}`);
      expect(full.status).toBe(200);
      expect(full.headers.get('content-type')).toBe('image/jpeg');
      expect(full.headers.get('content-disposition')).toBe('inline; filename=holiday.jpg');
      expect(full.headers.get('x-content-type-options')).toBe('nosniff');
      expect(full.headers.get('content-security-policy')).toContain('sandbox');
      const served = await sharp(full.bytes).metadata();
      expect([served.width, served.height, served.exif, served.xmp]).toEqual([1200, 800, undefined, undefined]);
      for (const secret of ['HearthCam', 'secret-owner', 'GPS']) expect(full.bytes.includes(secret)).toBe(false);

      const thumb = await download(suite.server, bob, `/api/files/${attachment.id}/thumb`);
      expect(thumb.headers.get('content-type')).toBe('image/webp');
      expect((await sharp(thumb.bytes).metadata()).width).toBe(480);

      const history = await fetch(`${suite.server.url}/api/rooms/${room.id}/messages`, {
        headers: { authorization: `Bearer ${bob.token}` },
      });
      const page = (await history.json()) as { messages: Message[] };
      expect(page.messages.find((m) => m.id === ack.message.id)?.attachments).toEqual([attachment]);
    });

    it("an outsider, someone who left, or no session cannot open a file by its URL; an unsent file is its uploader's alone", async () => {
      const { ann, bob, eve, room, annSocket, bobSocket } = await roomOfTwo();
      const message = await sentPicture(ann, annSocket, room.id);
      const [file] = message.attachments;
      for (const path of [`/api/files/${file!.id}`, `/api/files/${file!.id}/thumb`]) {
        expect((await download(suite.server, bob, path)).status).toBe(200);
        expect((await download(suite.server, eve, path)).status).toBe(404);
        expect((await download(suite.server, null, path)).status).toBe(401);
      }
      const unsent = await upload(suite.server, ann, room.id, { name: 'draft.png', bytes: await png() });
      const draft = unsent.body.attachment!.id;
      expect((await download(suite.server, ann, `/api/files/${draft}`)).status).toBe(200);
      expect((await download(suite.server, bob, `/api/files/${draft}`)).status).toBe(404);
      // Nor can Bob send Ann's upload as his own.
      const stolen = await sendFiles(bobSocket, room.id, [draft]);
      expect(stolen.ok ? 'sent' : stolen.error.code).toBe('NOT_FOUND');

      await bobSocket.socket.timeout(3000).emitWithAck('room:leave', { roomId: room.id });
      for (const path of [`/api/files/${file!.id}`, `/api/files/${file!.id}/thumb`]) {
        expect((await download(suite.server, bob, path)).status).toBe(404);
      }
      // An outsider cannot upload into the room either.
      const intruder = await upload(suite.server, eve, room.id, { name: 'x.png', bytes: await png() });
      expect([intruder.status, intruder.body.error?.code]).toEqual([404, 'NOT_FOUND']);
      const leaver = await upload(suite.server, bob, room.id, { name: 'x.png', bytes: await png() });
      expect(leaver.status).toBe(404);
    });

    it('an HTML page named .png is a download, sandboxed; a program is refused; the name is cleaned', async () => {
      const { ann, room, annSocket } = await roomOfTwo();
      const html = '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>';
      const up = await upload(suite.server, ann, room.id, { name: '../../evil.png', bytes: html, type: 'image/png' });
      expect(up.status).toBe(201);
      expect(up.body.attachment).toMatchObject({ name: 'evil.png', type: 'application/octet-stream', kind: 'file' });
      const sent = await sendFiles(annSocket, room.id, [up.body.attachment!.id]);
      expect(sent.ok).toBe(true);
      const served = await download(suite.server, ann, `/api/files/${up.body.attachment!.id}`);
      expect(served.headers.get('content-type')).toBe('application/octet-stream');
      expect(served.headers.get('content-disposition')).toBe('attachment; filename=evil.png');
      expect(served.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/);
      const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
      const svgUp = await upload(suite.server, ann, room.id, { name: 'logo.svg', bytes: svg, type: 'image/svg+xml' });
      expect(svgUp.body.attachment).toMatchObject({ kind: 'file', type: 'application/octet-stream' });

      const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
      const program = await upload(suite.server, ann, room.id, { name: 'tool.png', bytes: elf });
      expect([program.status, program.body.error?.code]).toEqual([415, 'UNSUPPORTED_MEDIA']);
      expect(program.body.error?.message).toMatch(/not accepted/);
    });

    it('a decompression bomb and a truncated picture are refused with a clear error, and the server goes on', async () => {
      const { ann, room } = await roomOfTwo();
      const bomb = await pngBomb();
      expect(bomb.length).toBeLessThan(300_000);
      const refused = await upload(suite.server, ann, room.id, { name: 'bomb.png', bytes: bomb });
      expect([refused.status, refused.body.error?.code]).toEqual([415, 'UNSUPPORTED_MEDIA']);
      expect(refused.body.error?.message).toMatch(/too large to show/);
      const photo = await jpegWithLocation();
      const cut = await upload(suite.server, ann, room.id, { name: 'cut.jpg', bytes: photo.subarray(0, Math.floor(photo.length / 2)) });
      expect([cut.status, cut.body.error?.code]).toEqual([415, 'UNSUPPORTED_MEDIA']);
      expect(cut.body.error?.message).toMatch(/cannot be read/);
      const fine = await upload(suite.server, ann, room.id, { name: 'fine.png', bytes: await png() });
      expect(fine.status).toBe(201);
    });

    it('an animated GIF stays animated, in the file and in its thumbnail', async () => {
      const { ann, room } = await roomOfTwo();
      const up = await upload(suite.server, ann, room.id, { name: 'wave.gif', bytes: await animatedGif() });
      expect(up.body.attachment).toMatchObject({ type: 'image/gif', kind: 'image', width: 40, height: 30 });
      const file = await download(suite.server, ann, `/api/files/${up.body.attachment!.id}`);
      expect((await sharp(file.bytes, { animated: true }).metadata()).pages).toBe(2);
      const thumb = await download(suite.server, ann, `/api/files/${up.body.attachment!.id}/thumb`);
      expect((await sharp(thumb.bytes, { animated: true }).metadata()).pages).toBe(2);
    });

    it('a video answers range requests, so a player can seek', async () => {
      const { ann, bob, room, annSocket } = await roomOfTwo();
      const bytes = mp4Bytes();
      const up = await upload(suite.server, ann, room.id, { name: 'clip.mp4', bytes });
      expect(up.body.attachment).toMatchObject({ type: 'video/mp4', kind: 'video', size: bytes.length });
      await sendFiles(annSocket, room.id, [up.body.attachment!.id]);
      const path = `/api/files/${up.body.attachment!.id}`;
      const part = await download(suite.server, bob, path, { range: 'bytes=100-199' });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range')).toBe(`bytes 100-199/${bytes.length}`);
      expect(part.bytes).toEqual(bytes.subarray(100, 200));
      const tail = await download(suite.server, bob, path, { range: 'bytes=-10' });
      expect(tail.bytes).toEqual(bytes.subarray(bytes.length - 10));
      const beyond = await download(suite.server, bob, path, { range: `bytes=${bytes.length + 5}-` });
      expect([beyond.status, beyond.headers.get('content-range')]).toEqual([416, `bytes */${bytes.length}`]);
      const whole = await download(suite.server, bob, path, { range: 'lines=1-2' });
      expect([whole.status, whole.bytes.length, whole.headers.get('accept-ranges')]).toEqual([200, bytes.length, 'bytes']);
      expect(whole.headers.get('content-disposition')).toBe('inline; filename=clip.mp4');
      const saved = await download(suite.server, bob, `${path}?download=1`);
      expect(saved.headers.get('content-disposition')).toBe('attachment; filename=clip.mp4');
    });

    it('deleting the message deletes its files: unreachable at once, their bytes removed', async () => {
      const { ann, bob, room, annSocket } = await roomOfTwo();
      const message = await sentPicture(ann, annSocket, room.id);
      const file = message.attachments[0]!;
      const onDisk = join(suite.server.config.files.dir, storageKeyOf(file.id, 'original'));
      expect(existsSync(onDisk)).toBe(true);
      const deleted = await remove(annSocket, room.id, message.id);
      expect(deleted.ok && deleted.message.attachments).toEqual([]);
      expect((await download(suite.server, bob, `/api/files/${file.id}`)).status).toBe(404);
      expect((await download(suite.server, ann, `/api/files/${file.id}/thumb`)).status).toBe(404);
      await waitFor(() => !existsSync(onDisk) && !existsSync(`${onDisk}.thumb`), 'the bytes are removed');
    });

    it('a file is sent once: a repeated send returns the original, another message cannot take it', async () => {
      const { ann, room, annSocket } = await roomOfTwo();
      const up = await upload(suite.server, ann, room.id, { name: 'once.png', bytes: await png() });
      const id = up.body.attachment!.id;
      const first = await sendFiles(annSocket, room.id, [id], '', 'same-client-id');
      const again = await sendFiles(annSocket, room.id, [id], '', 'same-client-id');
      expect(first.ok && again.ok && again.message.id === first.message.id).toBe(true);
      const other = await sendFiles(annSocket, room.id, [id], 'again');
      expect(other.ok ? 'sent' : other.error.code).toBe('NOT_FOUND');
      const empty = (await annSocket.socket
        .timeout(3000)
        .emitWithAck('message:send', { roomId: room.id, text: ' ', clientId: 'empty-1', attachments: [] })) as CommandAck<'message:send'>;
      expect(empty.ok ? 'sent' : empty.error.code).toBe('BAD_REQUEST');
      const twice = await sendFiles(annSocket, room.id, [id, id]);
      expect(twice.ok ? 'sent' : twice.error.code).toBe('BAD_REQUEST');
    });

    it('the uploader describes a picture before sending it; no one else can, nor after it is sent', async () => {
      const { ann, bob, room, annSocket } = await roomOfTwo();
      const up = await upload(suite.server, ann, room.id, { name: 'IMG_0042.png', bytes: await png() });
      const id = up.body.attachment!.id;
      const describe = (who: Guest, body: unknown) =>
        fetch(`${suite.server.url}/api/files/${id}`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${who.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      expect((await describe(bob, { alt: 'stolen' })).status).toBe(404);
      expect((await describe(ann, { alt: 'x'.repeat(501) })).status).toBe(400);
      expect((await describe(ann, { alt: 'ok', extra: 1 })).status).toBe(400);
      const described = await describe(ann, { alt: '  A red kite over the beach  ' });
      expect(((await described.json()) as { attachment: { alt: string } }).attachment.alt).toBe('A red kite over the beach');
      const ack = await sendFiles(annSocket, room.id, [id]);
      expect(ack.ok && ack.message.attachments[0]?.alt).toBe('A red kite over the beach');
      expect((await describe(ann, { alt: 'changed later' })).status).toBe(404);
    });

    it('malformed uploads get a clear 400: not multipart, no file field', async () => {
      const { ann, room } = await roomOfTwo();
      const json = await fetch(`${suite.server.url}/api/rooms/${room.id}/files`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ann.token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(json.status).toBe(400);
      const form = new FormData();
      form.append('other', new Blob(['x']), 'x.txt');
      const wrongField = await fetch(`${suite.server.url}/api/rooms/${room.id}/files`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ann.token}` },
        body: form,
      });
      expect([wrongField.status, ((await wrongField.json()) as { error: { code: string } }).error.code]).toEqual([400, 'BAD_REQUEST']);
    });
  });
}

describe('files: size limit, quota and rate limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startHearth({ files: { ...(await baseFiles()), maxBytes: 100_000, quotaBytes: 150_000 }, rateLimits: true });
  });
  afterAll(async () => server?.stop());
  const baseFiles = async () => (await import('../../src/server/config.js')).loadConfig({ NODE_ENV: 'test' }).files;

  it('too large is 413, a full quota is 507, each saying why; nothing is stored of a refused upload', async () => {
    const ann = await guest(server);
    const room = await createRoom(server, ann, `Limits ${process.pid}`);
    const big = await upload(server, ann, room.id, { name: 'big.bin', bytes: Buffer.alloc(120_000, 1) });
    expect([big.status, big.body.error?.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(big.body.error?.message).toMatch(/at most 0 MB|at most/);
    expect((await upload(server, ann, room.id, { name: 'a.bin', bytes: Buffer.alloc(90_000, 2) })).status).toBe(201);
    const full = await upload(server, ann, room.id, { name: 'b.bin', bytes: Buffer.alloc(90_000, 3) });
    expect([full.status, full.body.error?.code]).toEqual([507, 'STORAGE_FULL']);
    expect(full.body.error?.message).toMatch(/storage is full/);
    expect((await upload(server, ann, room.id, { name: 'c.bin', bytes: Buffer.alloc(50_000, 4) })).status).toBe(201);
  });
});

describe('files: rate limits', () => {
  it('uploads and file reads are limited per person, with a clear 429', async () => {
    const { defaultRateRules } = await import('../../src/server/core/shared/rate-rules.js');
    const server = await startHearth(
      { rateLimits: true },
      {
        rateRules: {
          ...defaultRateRules,
          uploads: { name: 'file:upload', limit: 2, windowMs: 60_000 },
          fileReads: { name: 'file:read', limit: 3, windowMs: 60_000 },
        },
      },
    );
    try {
      const ann = await guest(server);
      const room = await createRoom(server, ann, `Rates ${process.pid}`);
      const first = await upload(server, ann, room.id, { name: 'a.png', bytes: await png() });
      expect((await upload(server, ann, room.id, { name: 'b.png', bytes: await png() })).status).toBe(201);
      const third = await upload(server, ann, room.id, { name: 'c.png', bytes: await png() });
      expect([third.status, third.body.error?.code]).toEqual([429, 'RATE_LIMITED']);
      const path = `/api/files/${first.body.attachment!.id}`;
      for (let i = 0; i < 3; i++) expect((await download(server, ann, path)).status).toBe(200);
      const refused = await download(server, ann, path);
      expect([refused.status, refused.headers.get('retry-after')]).toEqual([429, expect.any(String)]);
    } finally {
      await server.stop();
    }
  });
});
