import { describe, expect, it } from 'vitest';
import { createStores } from '../../../src/server/storage/stores.js';
import type { Fixture } from './fixture.js';

export function durabilityContract(f: Fixture): void {
  describe('durability', () => {
    it('opening the migrated database again succeeds and data written before a close is there after', async () => {
      const author = await f.user();
      const room = await f.room(author.id);
      const first = await f.target.open();
      const appended = await createStores(first).messages.appendMessage(f.message(room, author));
      await first.close();

      const reopened = await f.target.open();
      try {
        const page = await createStores(reopened).messages.pageMessages(room, { limit: 10 });
        expect(page.messages).toEqual([appended.message]);
      } finally {
        await reopened.close();
      }
    });
  });
}
