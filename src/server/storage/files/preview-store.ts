import type { LinkPreview } from '../../../contract/types.js';
import type { PreviewStore } from '../../core/previews/ports.js';
import type { Database } from '../database.js';

export function createPreviewStore(database: Database): PreviewStore {
  const { db } = database;
  return {
    async cachedPreview(url) {
      const row = await db.selectFrom('link_previews').select(['preview', 'fetched_at']).where('url', '=', url).executeTakeFirst();
      return row && { preview: row.preview === null ? null : (JSON.parse(row.preview) as LinkPreview), fetchedAt: row.fetched_at };
    },
    async savePreview(url, preview, at) {
      const json = preview === null ? null : JSON.stringify(preview);
      await database.write((trx) =>
        trx
          .insertInto('link_previews')
          .values({ url, preview: json, fetched_at: at })
          .onConflict((oc) => oc.column('url').doUpdateSet({ preview: json, fetched_at: at }))
          .execute(),
      );
    },
    async savePreviewImage(id, storageKey, at) {
      await database.write((trx) => trx.insertInto('preview_images').values({ id, storage_key: storageKey, created_at: at }).execute());
    },
    async findPreviewImage(id) {
      const row = await db.selectFrom('preview_images').select('storage_key').where('id', '=', id).executeTakeFirst();
      return row && { storageKey: row.storage_key };
    },
  };
}
