import type { FileStore } from '../../core/files/ports.js';
import type { Database } from '../database.js';
import { toFileRecord } from './file-rows.js';

export function createFileStore(database: Database): FileStore {
  const { db } = database;
  return {
    async insertFile(file) {
      await database.write((trx) =>
        trx
          .insertInto('files')
          .values({
            id: file.id,
            room_id: file.roomId,
            uploader_id: file.uploaderId,
            name: file.name,
            type: file.type,
            kind: file.kind,
            size: file.size,
            width: file.width,
            height: file.height,
            thumb_width: file.thumb?.width ?? null,
            thumb_height: file.thumb?.height ?? null,
            alt: file.alt,
            storage_key: file.storageKey,
            thumb_key: file.thumbKey,
            created_at: file.createdAt,
          })
          .execute(),
      );
    },
    async findFile(id) {
      const row = await db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toFileRecord(row);
    },
    async setAlt(id, alt) {
      await database.write((trx) => trx.updateTable('files').set({ alt }).where('id', '=', id).execute());
    },
    async usageOf(userId) {
      const row = await db
        .selectFrom('files')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('size'), eb.lit(0)).as('bytes'))
        .where('uploader_id', '=', userId)
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.bytes);
    },
    async abandonUnsent(before) {
      const result = await database.write((trx) =>
        trx
          .updateTable('files')
          .set({ deleted_at: before })
          .where('message_id', 'is', null)
          .where('deleted_at', 'is', null)
          .where('created_at', '<', before)
          .executeTakeFirst(),
      );
      return Number(result.numUpdatedRows);
    },
    async deletedFiles(limit) {
      const rows = await db
        .selectFrom('files')
        .selectAll()
        .where('deleted_at', 'is not', null)
        .orderBy('deleted_at')
        .limit(limit)
        .execute();
      return rows.map(toFileRecord);
    },
    async forgetFiles(ids) {
      if (ids.length === 0) return;
      await database.write((trx) => trx.deleteFrom('files').where('id', 'in', ids).execute());
    },
  };
}
