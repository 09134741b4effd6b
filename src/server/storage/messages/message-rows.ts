import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { Attachment, LinkPreview, Mention, Message, ReplyRef } from '../../../contract/types.js';
import { excerptOf } from '../../../contract/excerpt.js';
import { FilesTaken, type NewMessage } from '../../core/messages/ports.js';
import { attachmentOf } from '../../core/files/attachment.js';
import { toFileRecord } from '../files/file-rows.js';
import { reactionsSeenBy, type ReactionRecord } from '../../core/messages/reactions.js';
import { bindOnce, compileOnce } from '../compile-once.js';
import type { MessagesTable, Schema } from '../schema.js';

export interface AppendResult {
  message: Message;
  created: boolean;
}

type MessageRow = Omit<MessagesTable, 'author_id' | 'reactions' | 'mentions' | 'attachments'> & {
  reactions: string;
  mentions: string;
  attachments: string;
  author_id: string;
  username: string;
  avatar: string | null;
  reply_seq: number | null;
  reply_author_id: string | null;
  reply_username: string | null;
  reply_text: string | null;
  reply_deleted_at: string | null;
};

function replyOf(row: MessageRow): ReplyRef | null {
  if (row.reply_to_id === null || row.reply_seq === null || row.reply_author_id === null) return null;
  return {
    id: row.reply_to_id,
    seq: row.reply_seq,
    author: { id: row.reply_author_id, username: row.reply_username ?? '' },
    excerpt: excerptOf(row.reply_text ?? ''),
    deleted: row.reply_deleted_at !== null,
  };
}

// Most messages have no reactions: their column holds exactly this, and needs no parsing.
const NO_REACTIONS = '[]';

export const parseReactions = (json: string): ReactionRecord[] => (json === NO_REACTIONS ? [] : (JSON.parse(json) as ReactionRecord[]));

// The same for mentions: most messages have none.
const NO_MENTIONS = '[]';

export const parseMentions = (json: string): Mention[] => (json === NO_MENTIONS ? [] : (JSON.parse(json) as Mention[]));
export const mentionsJson = (mentions: readonly Mention[]): string => (mentions.length === 0 ? NO_MENTIONS : JSON.stringify(mentions));

// And for files: most messages carry none, and have no preview.
const NO_ATTACHMENTS = '[]';

export const parseAttachments = (json: string): Attachment[] => (json === NO_ATTACHMENTS ? [] : (JSON.parse(json) as Attachment[]));
export const attachmentsJson = (attachments: readonly Attachment[]): string =>
  attachments.length === 0 ? NO_ATTACHMENTS : JSON.stringify(attachments);
export const parsePreview = (json: string | null): LinkPreview | null => (json === null ? null : (JSON.parse(json) as LinkPreview));

/** A row as `readerId` sees it (its own reactions marked). */
export function toMessage(row: MessageRow, readerId: string | undefined): Message {
  return {
    id: row.id,
    roomId: row.room_id,
    seq: row.seq,
    change: row.change_seq,
    author:
      row.avatar === null
        ? { id: row.author_id, username: row.username }
        : { id: row.author_id, username: row.username, avatar: row.avatar },
    text: row.text,
    clientId: row.client_id,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
    replyTo: replyOf(row),
    reactions: reactionsSeenBy(parseReactions(row.reactions), readerId),
    mentions: parseMentions(row.mentions),
    attachments: parseAttachments(row.attachments),
    preview: parsePreview(row.preview),
  };
}

/** What a message read selects, in this order (a page read as arrays relies on it). */
const messageColumns = [
  'messages.id',
  'messages.room_id',
  'messages.seq',
  'messages.change_seq',
  'messages.author_id',
  'users.username',
  'users.avatar',
  'messages.text',
  'messages.client_id',
  'messages.created_at',
  'messages.edited_at',
  'messages.deleted_at',
  'messages.reply_to_id',
  'messages.reactions',
  'messages.mentions',
  'messages.attachments',
  'messages.preview',
  'answered.seq as reply_seq',
  'answered.author_id as reply_author_id',
  'answered_author.username as reply_username',
  'answered.text as reply_text',
  'answered.deleted_at as reply_deleted_at',
] as const;

const rowKeys = messageColumns.map((column) => column.split(/\.| as /).at(-1)) as (keyof MessageRow)[];

/** A row read as an array (Database.readArrays) as the object Kysely would have made. */
function rowOf(values: unknown[]): MessageRow {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < rowKeys.length; i++) row[rowKeys[i]!] = values[i];
  return row as MessageRow;
}

/** Messages with their author's current name and, for a reply, the answered message as it is now. */
function selectMessages(db: Kysely<Schema>) {
  return db
    .selectFrom('messages')
    .innerJoin('users', 'users.id', 'messages.author_id')
    .leftJoin('messages as answered', 'answered.id', 'messages.reply_to_id')
    .leftJoin('users as answered_author', 'answered_author.id', 'answered.author_id')
    .select(messageColumns);
}

export type MessageQueries = ReturnType<typeof messageQueries>;

/** A page of a room walking away from a seq: older (`<`, newest first) or newer (`>`, oldest first). */
const pageFrom = (db: Kysely<Schema>, side: '<' | '>', order: 'asc' | 'desc') =>
  bindOnce(db, (db, roomId: string, seq: number, limit: number) =>
    selectMessages(db).where('messages.room_id', '=', roomId).where('messages.seq', side, seq).orderBy('messages.seq', order).limit(limit),
  );

/** The message store's queries, compiled once for this database's dialect (compile-once.ts). */
export function messageQueries(db: Kysely<Schema>) {
  return {
    takeNextSeq: compileOnce(db, (db, roomId: string, at: string) =>
      db
        .updateTable('rooms')
        .set((eb) => ({ last_seq: eb('last_seq', '+', 1), last_change: eb('last_change', '+', 1), last_activity_at: at }))
        .where('id', '=', roomId)
        .returning(['last_seq', 'last_change']),
    ),
    takeNextChange: compileOnce(db, (db, roomId: string) =>
      db
        .updateTable('rooms')
        .set((eb) => ({ last_change: eb('last_change', '+', 1) }))
        .where('id', '=', roomId)
        .returning('last_change'),
    ),
    // DO NOTHING waits for a racing insert of the same key to commit or roll back, then decides.
    insertUnlessDuplicate: compileOnce(
      db,
      (
        db,
        id: string,
        roomId: string,
        seq: number,
        change: number,
        authorId: string,
        text: string,
        clientId: string,
        createdAt: string,
        replyToId: string | null,
        mentions: string,
      ) =>
        db
          .insertInto('messages')
          .values({
            id,
            room_id: roomId,
            seq,
            change_seq: change,
            author_id: authorId,
            text,
            client_id: clientId,
            created_at: createdAt,
            reply_to_id: replyToId,
            mentions,
          })
          .onConflict((oc) => oc.columns(['author_id', 'room_id', 'client_id']).doNothing())
          .returning('seq'),
    ),
    byClientId: compileOnce(db, (db, authorId: string, roomId: string, clientId: string) =>
      selectMessages(db)
        .where('messages.author_id', '=', authorId)
        .where('messages.room_id', '=', roomId)
        .where('messages.client_id', '=', clientId),
    ),
    byId: compileOnce(db, (db, roomId: string, messageId: string) =>
      selectMessages(db).where('messages.room_id', '=', roomId).where('messages.id', '=', messageId),
    ),
    // Pages are read as arrays (Database.readArrays); rowOf makes each a MessageRow.
    newest: bindOnce(db, (db, roomId: string, limit: number) =>
      selectMessages(db).where('messages.room_id', '=', roomId).orderBy('messages.seq', 'desc').limit(limit),
    ),
    before: pageFrom(db, '<', 'desc'),
    after: pageFrom(db, '>', 'asc'),
    changesAfter: bindOnce(db, (db, roomId: string, change: number, limit: number) =>
      selectMessages(db)
        .where('messages.room_id', '=', roomId)
        .where('messages.change_seq', '>', change)
        .orderBy('messages.change_seq', 'asc')
        .limit(limit),
    ),
    setText: compileOnce(db, (db, messageId: string, text: string, editedAt: string, change: number, mentions: string) =>
      db.updateTable('messages').set({ text, edited_at: editedAt, change_seq: change, mentions }).where('id', '=', messageId),
    ),
    // The text is gone from the database, and so are the reactions to it and whom it mentioned.
    markDeleted: compileOnce(db, (db, messageId: string, deletedAt: string, change: number) =>
      db
        .updateTable('messages')
        .set({ text: '', reactions: '[]', mentions: '[]', attachments: '[]', preview: null, deleted_at: deletedAt, change_seq: change })
        .where('id', '=', messageId),
    ),
    forgetMentions: compileOnce(db, (db, messageId: string) => db.deleteFrom('mentions').where('message_id', '=', messageId)),
    forgetDeliveries: compileOnce(db, (db, messageId: string) => db.deleteFrom('deliveries').where('message_id', '=', messageId)),
    claimFiles: (db: Kysely<Schema>, messageId: string, ids: readonly string[], uploaderId: string, roomId: string) =>
      db
        .updateTable('files')
        .set({ message_id: messageId })
        .where('id', 'in', ids)
        .where('uploader_id', '=', uploaderId)
        .where('room_id', '=', roomId)
        .where('message_id', 'is', null)
        .where('deleted_at', 'is', null)
        .returningAll()
        .execute(),
    setAttachments: compileOnce(db, (db, messageId: string, attachments: string) =>
      db.updateTable('messages').set({ attachments }).where('id', '=', messageId),
    ),
    setPreview: compileOnce(db, (db, messageId: string, preview: string | null, change: number) =>
      db.updateTable('messages').set({ preview, change_seq: change }).where('id', '=', messageId),
    ),
    // A deleted message's files are marked in its transaction; a sweep removes their bytes.
    markFilesDeleted: compileOnce(db, (db, messageId: string, at: string) =>
      db.updateTable('files').set({ deleted_at: at }).where('message_id', '=', messageId).where('deleted_at', 'is', null),
    ),
    setReactions: compileOnce(db, (db, messageId: string, reactions: string, change: number) =>
      db.updateTable('messages').set({ reactions, change_seq: change }).where('id', '=', messageId),
    ),
  };
}

/** A page's rows (read as arrays) as `readerId` sees them. */
export async function readPage(database: Database, query: CompiledQuery, readerId: string | undefined): Promise<Message[]> {
  const rows = await database.readArrays(query);
  return rows.map((values) => toMessage(rowOf(values), readerId));
}

/** The author's message with that clientId, as the author sees it. */
export async function findByClientId(q: MessageQueries, db: Kysely<Schema>, authorId: string, roomId: string, clientId: string) {
  const { rows } = await q.byClientId(db, authorId, roomId, clientId);
  return rows[0] && toMessage(rows[0], authorId);
}

export async function findRowById(q: MessageQueries, db: Kysely<Schema>, roomId: string, messageId: string) {
  return (await q.byId(db, roomId, messageId)).rows[0];
}

export async function findById(
  q: MessageQueries,
  db: Kysely<Schema>,
  roomId: string,
  messageId: string,
  readerId: string | undefined,
): Promise<Message | undefined> {
  const row = await findRowById(q, db, roomId, messageId);
  return row && toMessage(row, readerId);
}

/**
 * Takes the room's next seq and change position under the room's row lock and stores the message,
 * inside the caller's transaction. Returns undefined when (author, room, clientId) already exists:
 * the caller must then roll back, which also returns the seq it took, so no gap is left.
 */
export async function insertWithNextSeq(q: MessageQueries, trx: Kysely<Schema>, message: NewMessage): Promise<Message | undefined> {
  const room = (await q.takeNextSeq(trx, message.roomId, message.createdAt)).rows[0];
  if (!room) throw new Error(`No room ${message.roomId} to append to`);
  const { id, roomId, author, text, clientId, createdAt, mentions = [] } = message;
  const replyTo = message.replyTo ?? null;
  const stored = await q.insertUnlessDuplicate(
    trx,
    id,
    roomId,
    room.last_seq,
    room.last_change,
    author.id,
    text,
    clientId,
    createdAt,
    replyTo?.id ?? null,
    mentionsJson(mentions),
  );
  if (stored.rows.length === 0) return undefined;
  const attachments = message.attachmentIds?.length ? await claimFiles(q, trx, message, message.attachmentIds) : [];
  await insertMentionRows(trx, { roomId, seq: room.last_seq, messageId: id, authorId: author.id, at: createdAt }, message.mentioned ?? []);
  return {
    id,
    roomId,
    seq: room.last_seq,
    change: room.last_change,
    author: { ...author },
    text,
    clientId,
    createdAt,
    editedAt: null,
    deletedAt: null,
    replyTo,
    reactions: [],
    mentions: [...mentions],
    attachments,
    preview: null,
  };
}

/** Marks the author's unsent files as sent with the message, or fails (rolling it back) if one is not. */
async function claimFiles(q: MessageQueries, trx: Kysely<Schema>, message: NewMessage, ids: readonly string[]): Promise<Attachment[]> {
  const rows = await q.claimFiles(trx, message.id, ids, message.author.id, message.roomId);
  if (rows.length !== ids.length) throw new FilesTaken();
  const attachments = ids.map((id) => attachmentOf(toFileRecord(rows.find((row) => row.id === id)!)));
  await q.setAttachments(trx, message.id, attachmentsJson(attachments));
  return attachments;
}

/** Whom a message calls, one row each ('*': everyone in the room), in the caller's transaction. Most messages call no one. */
export async function insertMentionRows(
  trx: Kysely<Schema>,
  at: { roomId: string; seq: number; messageId: string; authorId: string; at: string },
  userIds: readonly string[],
): Promise<void> {
  // `@here` in a large room names everyone online: in chunks, under the engines' bound on values per statement.
  for (let i = 0; i < userIds.length; i += 1000) {
    await trx
      .insertInto('mentions')
      .values(
        userIds.slice(i, i + 1000).map((userId) => ({
          room_id: at.roomId,
          seq: at.seq,
          user_id: userId,
          author_id: at.authorId,
          message_id: at.messageId,
          created_at: at.at,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
