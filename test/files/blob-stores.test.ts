import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskBlobStore } from '../../src/server/blobs/disk-blob-store.js';
import { s3BlobStore } from '../../src/server/blobs/s3-blob-store.js';
import type { BlobStore, LocalFile } from '../../src/server/core/files/ports.js';
import { createRoom, joinByCode } from '../support/chat.js';
import { download, jpegWithLocation, upload } from '../support/files.js';
import { connect, guest, startHearth, type TestServer } from '../support/hearth.js';
import { startS3 } from '../support/s3-server.js';

const work = mkdtempSync(join(tmpdir(), 'hearth-blobs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let files = 0;
function localFile(bytes: Buffer): LocalFile {
  const path = join(work, `local-${++files}`);
  writeFileSync(path, bytes);
  return { path, size: bytes.length, type: 'application/octet-stream' };
}

async function bytesOf(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** What every blob store does, whatever it is (the storage port's contract). */
function blobStoreContract(name: string, open: () => Promise<BlobStore>) {
  describe(`blob store contract: ${name}`, () => {
    let store: BlobStore;
    beforeAll(async () => {
      store = await open();
    });
    const sample = Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 256));

    it('stores, reads whole and by range, and removes', async () => {
      await store.put('files/ab/one', localFile(sample));
      const whole = await store.read('files/ab/one');
      expect(whole?.length).toBe(sample.length);
      expect(await bytesOf(whole!.body)).toEqual(sample);
      const part = await store.read('files/ab/one', { start: 1000, end: 1999 });
      expect(part?.length).toBe(1000);
      expect(await bytesOf(part!.body)).toEqual(sample.subarray(1000, 2000));
      await store.remove(['files/ab/one']);
      expect(await store.read('files/ab/one')).toBeUndefined();
    });

    it('reads nothing for a key never stored, and removing one is no error', async () => {
      expect(await store.read('files/zz/missing')).toBeUndefined();
      await expect(store.remove(['files/zz/missing', 'files/zz/also-missing'])).resolves.toBeUndefined();
    });

    it('replaces what a key held', async () => {
      await store.put('files/cd/two', localFile(Buffer.from('first')));
      await store.put('files/cd/two', localFile(Buffer.from('second')));
      expect((await bytesOf((await store.read('files/cd/two'))!.body)).toString()).toBe('second');
    });
  });
}

blobStoreContract('disk', async () => diskBlobStore(join(work, 'disk')));

let s3: Awaited<ReturnType<typeof startS3>>;
beforeAll(async () => {
  s3 = await startS3();
});
afterAll(async () => s3?.stop());
blobStoreContract('S3 (s3rver)', async () => s3BlobStore(s3.settings));

describe('disk blob store', () => {
  it('refuses a key that would leave its folder', async () => {
    const store = diskBlobStore(join(work, 'jail'));
    await expect(store.put('../outside', localFile(Buffer.from('x')))).rejects.toThrow(/Not a storage key/);
    await expect(store.read('files/../../outside')).rejects.toThrow(/Not a storage key/);
  });
});

describe('Hearth with its files on S3', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startHearth({}, { blobs: s3BlobStore(s3.settings) });
  });
  afterAll(async () => server?.stop());

  it('an upload is stored in the bucket and served from it to a member, range requests included', async () => {
    const [ann, bob] = [await guest(server), await guest(server)];
    const room = await createRoom(server, ann, `S3 room ${process.pid}`, 'private');
    await joinByCode(server, bob, room.code);
    const up = await upload(server, ann, room.id, { name: 'photo.jpg', bytes: await jpegWithLocation(640, 480) });
    expect(up.status).toBe(201);
    const id = up.body.attachment!.id;
    const socket = await connect(server, ann.token);
    await socket.socket.timeout(3000).emitWithAck('message:send', { roomId: room.id, text: 'on s3', clientId: 's3-1', attachments: [id] });
    socket.close();
    const full = await download(server, bob, `/api/files/${id}`);
    expect([full.status, full.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    const part = await download(server, bob, `/api/files/${id}`, { range: 'bytes=0-9' });
    expect([part.status, part.bytes]).toEqual([206, full.bytes.subarray(0, 10)]);
  });
});
