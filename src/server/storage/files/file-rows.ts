import type { Selectable } from 'kysely';
import type { FileRecord } from '../../core/files/ports.js';
import type { FilesTable } from '../schema.js';

export function toFileRecord(row: Selectable<FilesTable>): FileRecord {
  return {
    id: row.id,
    roomId: row.room_id,
    uploaderId: row.uploader_id,
    messageId: row.message_id,
    name: row.name,
    type: row.type,
    kind: row.kind,
    size: Number(row.size),
    width: row.width,
    height: row.height,
    thumb: row.thumb_width !== null && row.thumb_height !== null ? { width: row.thumb_width, height: row.thumb_height } : null,
    alt: row.alt,
    storageKey: row.storage_key,
    thumbKey: row.thumb_key,
    createdAt: row.created_at,
    deletedAt: row.deleted_at,
  };
}
