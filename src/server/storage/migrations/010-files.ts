import { type Kysely } from 'kysely';
import type { Engine } from '../schema.js';

/**
 * Files: one row per upload (`files`), in a room, by its uploader, sent with a message once
 * `message_id` is set; until then only the uploader can see it. A deleted message marks its files
 * `deleted_at` in the same transaction, and a sweep removes their bytes and then the rows, so a
 * crash in between leaves nothing behind for long. `storage_key` names the bytes in the blob store
 * (`thumb_key` the thumbnail's). A message keeps the files it carries as JSON (`attachments`), like
 * its reactions, so a page of history reads no other table; `preview` is its link card (JSON).
 * `link_previews` caches what a URL's page said, one row per URL. `users.avatar` is the version of
 * a person's profile picture. Frozen once released: later changes go in a new migration.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const time = engine === 'postgres' ? 'timestamptz' : 'text';
  const bytes = engine === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
    .addColumn('uploader_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('message_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('size', bytes, (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('thumb_width', 'integer')
    .addColumn('thumb_height', 'integer')
    .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('thumb_key', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('deleted_at', time)
    .execute();
  await db.schema.createIndex('files_by_message').on('files').column('message_id').execute();
  await db.schema.createIndex('files_by_uploader').on('files').columns(['uploader_id', 'created_at']).execute();
  await db.schema.createIndex('files_deleted').on('files').column('deleted_at').execute();

  await db.schema
    .alterTable('messages')
    .addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('messages').addColumn('preview', 'text').execute();

  await db.schema
    .createTable('link_previews')
    .addColumn('url', 'text', (c) => c.primaryKey())
    // JSON: the LinkPreview, or null when the page gave nothing worth a card (not asked again until expiry).
    .addColumn('preview', 'text')
    .addColumn('fetched_at', time, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('preview_images')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .execute();

  await db.schema.alterTable('users').addColumn('avatar', 'text').execute();
}
