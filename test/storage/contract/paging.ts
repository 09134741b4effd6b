import { beforeAll, describe, expect, it } from 'vitest';
import { range, type Author, type Fixture } from './fixture.js';

export function pagingContract(f: Fixture): void {
  describe('pageMessages over a room of 7 messages', () => {
    let room = '';
    let author: Author;
    beforeAll(async () => {
      author = await f.user('Paging Author');
      room = await f.room(author.id);
      for (const _ of range(1, 7)) await f.stores.messages.appendMessage(f.message(room, author));
    });
    const page = async (range: { before?: number; after?: number; limit: number }) => {
      const result = await f.stores.messages.pageMessages(room, range);
      return { seqs: result.messages.map((m) => m.seq), hasMore: result.hasMore };
    };

    it('without bounds gives the newest `limit`, oldest first, with hasMore when older exist', async () => {
      expect(await page({ limit: 3 })).toEqual({ seqs: [5, 6, 7], hasMore: true });
    });

    it('without bounds and a limit of the room size or more gives all with hasMore false', async () => {
      expect(await page({ limit: 7 })).toEqual({ seqs: range(1, 7), hasMore: false });
      expect(await page({ limit: 100 })).toEqual({ seqs: range(1, 7), hasMore: false });
    });

    it('before gives the `limit` messages right before the bound, hasMore while older remain', async () => {
      expect(await page({ before: 5, limit: 3 })).toEqual({ seqs: [2, 3, 4], hasMore: true });
      expect(await page({ before: 4, limit: 3 })).toEqual({ seqs: [1, 2, 3], hasMore: false });
      expect(await page({ before: 3, limit: 3 })).toEqual({ seqs: [1, 2], hasMore: false });
      expect(await page({ before: 1, limit: 3 })).toEqual({ seqs: [], hasMore: false });
    });

    it('after gives the `limit` messages right after the bound, hasMore while newer remain', async () => {
      expect(await page({ after: 0, limit: 3 })).toEqual({ seqs: [1, 2, 3], hasMore: true });
      expect(await page({ after: 3, limit: 3 })).toEqual({ seqs: [4, 5, 6], hasMore: true });
      expect(await page({ after: 4, limit: 3 })).toEqual({ seqs: [5, 6, 7], hasMore: false });
      expect(await page({ after: 7, limit: 3 })).toEqual({ seqs: [], hasMore: false });
    });

    it('paged messages carry the author’s id and username and their own fields', async () => {
      const [message] = (await f.stores.messages.pageMessages(room, { after: 0, limit: 1 })).messages;
      expect(message).toMatchObject({ roomId: room, seq: 1, author: { id: author.id, username: 'Paging Author' } });
      expect(message?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });

    it('an empty room pages to no messages and nothing more', async () => {
      const empty = await f.room(author.id);
      expect(await f.stores.messages.pageMessages(empty, { limit: 50 })).toEqual({ messages: [], hasMore: false });
      expect(await f.stores.messages.pageMessages(empty, { after: 0, limit: 50 })).toEqual({ messages: [], hasMore: false });
    });
  });
}
