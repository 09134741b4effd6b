import { describe, expect, it } from 'vitest';
import { FilesTaken } from '../../../src/server/core/messages/ports.js';
import type { FileRecord } from '../../../src/server/core/files/ports.js';
import type { LinkPreview } from '../../../src/contract/types.js';
import type { Fixture } from './fixture.js';

/** Files' records, their sending with a message, deletion and sweeping; link previews' cache. */
export function fileContract(f: Fixture): void {
  const file = (roomId: string, uploaderId: string, overrides: Partial<FileRecord> = {}): Omit<FileRecord, 'messageId' | 'deletedAt'> => {
    const id = f.unique('file');
    return {
      id,
      roomId,
      uploaderId,
      name: `${id}.png`,
      type: 'image/png',
      kind: 'image',
      size: 1000,
      width: 40,
      height: 30,
      thumb: { width: 40, height: 30 },
      alt: '',
      storageKey: `files/${id}`,
      thumbKey: `files/${id}.thumb`,
      createdAt: f.now(),
      ...overrides,
    };
  };

  describe('files', () => {
    it("a stored file is found as written, unsent, and counts toward its uploader's usage (sizes past 2 GiB too)", async () => {
      const ann = await f.user();
      const room = await f.room(ann.id);
      const before = await f.stores.files.usageOf(ann.id);
      const one = file(room, ann.id, {
        size: 3_000_000_000,
        kind: 'video',
        type: 'video/mp4',
        width: null,
        height: null,
        thumb: null,
        thumbKey: null,
      });
      await f.stores.files.insertFile(one);
      await f.stores.files.insertFile(file(room, ann.id, { size: 500 }));
      expect(await f.stores.files.findFile(one.id)).toEqual({ ...one, messageId: null, deletedAt: null });
      expect((await f.stores.files.usageOf(ann.id)) - before).toBe(3_000_000_500);
      expect(await f.stores.files.findFile('no-such-file')).toBeUndefined();
    });

    it("a message takes its author's unsent files of the room, in the order given, and they are sent with it", async () => {
      const ann = await f.user();
      const room = await f.room(ann.id);
      const [a, b] = [file(room, ann.id), file(room, ann.id, { kind: 'file', type: 'application/pdf', thumb: null, thumbKey: null })];
      await f.stores.files.insertFile(a);
      await f.stores.files.insertFile(b);
      const sentWith = async () => [(await f.stores.files.findFile(a.id))?.messageId, (await f.stores.files.findFile(b.id))?.messageId];
      expect(await sentWith()).toEqual([null, null]);
      const { message } = await f.stores.messages.appendMessage({ ...f.message(room, ann), attachmentIds: [b.id, a.id] });
      expect(message.attachments.map((x) => x.id)).toEqual([b.id, a.id]);
      expect(message.attachments[1]).toEqual({
        id: a.id,
        name: a.name,
        type: 'image/png',
        kind: 'image',
        size: 1000,
        width: 40,
        height: 30,
        thumb: { width: 40, height: 30 },
        alt: a.name,
      });
      expect((await f.stores.files.findFile(a.id))?.messageId).toBe(message.id);
      expect(await sentWith()).toEqual([message.id, message.id]);
      const stored = await f.stores.messages.findMessage(room, message.id);
      expect(stored?.attachments).toEqual(message.attachments);
    });

    it("a file that is someone else's, of another room, already sent or deleted fails the append, which stores nothing", async () => {
      const [ann, bob] = [await f.user(), await f.user()];
      const [room, other] = [await f.room(ann.id), await f.room(ann.id)];
      const bobs = file(room, bob.id);
      const elsewhere = file(other, ann.id);
      await f.stores.files.insertFile(bobs);
      await f.stores.files.insertFile(elsewhere);
      for (const id of [bobs.id, elsewhere.id, 'no-such-file']) {
        await expect(f.stores.messages.appendMessage({ ...f.message(room, ann), attachmentIds: [id] })).rejects.toBeInstanceOf(FilesTaken);
      }
      expect(await f.seqsOf(room)).toEqual([]);
      // The seq the failed appends took was given back: the next message is 1.
      expect((await f.stores.messages.appendMessage(f.message(room, ann))).message.seq).toBe(1);
    });

    it('deleting the message marks its files deleted at once; the sweep lists them until they are forgotten', async () => {
      const ann = await f.user();
      const room = await f.room(ann.id);
      const one = file(room, ann.id, { size: 700 });
      await f.stores.files.insertFile(one);
      const usage = await f.stores.files.usageOf(ann.id);
      const { message } = await f.stores.messages.appendMessage({ ...f.message(room, ann), attachmentIds: [one.id] });
      const deleted = await f.stores.messages.changeMessage(room, message.id, { kind: 'delete', by: ann.id, at: f.now() });
      expect(deleted.ok && deleted.message.attachments).toEqual([]);
      expect((await f.stores.files.findFile(one.id))?.deletedAt).not.toBeNull();
      expect(await f.stores.files.usageOf(ann.id)).toBe(usage - 700);
      const sweepable = await f.stores.files.deletedFiles(1000);
      expect(sweepable.map((x) => x.id)).toContain(one.id);
      await f.stores.files.forgetFiles([one.id]);
      expect(await f.stores.files.findFile(one.id)).toBeUndefined();
    });

    it('unsent files older than the cut-off are given up; newer ones and sent ones stay', async () => {
      const ann = await f.user();
      const room = await f.room(ann.id);
      const old = file(room, ann.id, { createdAt: '2020-01-01T00:00:00.000Z' });
      const oldSent = file(room, ann.id, { createdAt: '2020-01-01T00:00:00.000Z' });
      const fresh = file(room, ann.id);
      for (const x of [old, oldSent, fresh]) await f.stores.files.insertFile(x);
      await f.stores.messages.appendMessage({ ...f.message(room, ann), attachmentIds: [oldSent.id] });
      expect(await f.stores.files.abandonUnsent('2021-01-01T00:00:00.000Z')).toBeGreaterThanOrEqual(1);
      expect((await f.stores.files.findFile(old.id))?.deletedAt).not.toBeNull();
      expect((await f.stores.files.findFile(oldSent.id))?.deletedAt).toBeNull();
      expect((await f.stores.files.findFile(fresh.id))?.deletedAt).toBeNull();
    });

    it("a preview is a change of the message with the room's next change position; null takes it off", async () => {
      const ann = await f.user();
      const room = await f.room(ann.id);
      const { message } = await f.stores.messages.appendMessage(f.message(room, ann));
      const preview: LinkPreview = {
        url: 'https://example.org/',
        title: 'Example',
        description: 'd',
        siteName: 'example.org',
        image: null,
        embed: null,
      };
      const carded = await f.stores.messages.changeMessage(room, message.id, { kind: 'preview', by: ann.id, preview });
      expect(carded.ok && [carded.message.preview, carded.message.change]).toEqual([preview, message.change + 1]);
      const changes = await f.stores.messages.pageChanges(room, message.change, 10);
      expect(changes.messages.map((m) => m.preview)).toEqual([preview]);
      const off = await f.stores.messages.changeMessage(room, message.id, { kind: 'preview', by: ann.id, preview: null });
      expect(off.ok && off.message.preview).toBeNull();
    });

    it('link previews are cached per URL, "nothing worth a card" included, and replaced when fetched again', async () => {
      const url = `https://example.org/${f.unique('page')}`;
      expect(await f.stores.previews.cachedPreview(url)).toBeUndefined();
      await f.stores.previews.savePreview(url, null, '2026-11-21T08:00:00.000Z');
      expect(await f.stores.previews.cachedPreview(url)).toEqual({ preview: null, fetchedAt: '2026-11-21T08:00:00.000Z' });
      const preview: LinkPreview = {
        url,
        title: 'T',
        description: '',
        siteName: 's',
        image: { id: 'img1', width: 10, height: 5 },
        embed: null,
      };
      await f.stores.previews.savePreview(url, preview, '2026-11-22T08:00:00.000Z');
      expect(await f.stores.previews.cachedPreview(url)).toEqual({ preview, fetchedAt: '2026-11-22T08:00:00.000Z' });
      const id = f.unique('pimg');
      await f.stores.previews.savePreviewImage(id, `previews/${id}.webp`, f.now());
      expect(await f.stores.previews.findPreviewImage(id)).toEqual({ storageKey: `previews/${id}.webp` });
    });
  });
}
