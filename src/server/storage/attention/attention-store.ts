import { sql } from 'kysely';
import type { AttentionStore, ChosenLevel, ReadRow } from '../../core/attention/ports.js';
import type { Database } from '../database.js';
import { compileOnce } from '../compile-once.js';
import { nameKey } from '../name-key.js';

interface ReadColumns {
  room_id: string;
  last_read_seq: number;
  muted: number;
  notify_level: ChosenLevel;
  last_seq: number;
  member_count: number;
}

const rowOf = (row: ReadColumns): ReadRow => ({
  roomId: row.room_id,
  readSeq: row.last_read_seq,
  level: row.notify_level,
  muted: row.muted === 1,
  lastSeq: row.last_seq,
  memberCount: row.member_count,
});

const readColumns = [
  'memberships.room_id',
  'memberships.last_read_seq',
  'memberships.notify_level',
  'memberships.muted',
  'rooms.last_seq',
  'rooms.member_count',
] as const;

export function createAttentionStore(database: Database): AttentionStore {
  const { db, write, engine } = database;
  const q = attentionQueries(database);
  const keysIn = (keys: readonly string[]) =>
    engine === 'postgres'
      ? sql<boolean>`users.username_key = any(${[...keys]}::text[])`
      : sql<boolean>`users.username_key in (select value from json_each(${JSON.stringify(keys)}))`;

  return {
    async readRowsOf(userId, roomIds) {
      let query = db
        .selectFrom('memberships')
        .innerJoin('rooms', 'rooms.id', 'memberships.room_id')
        .select(readColumns)
        .where('memberships.user_id', '=', userId);
      if (roomIds !== undefined) {
        if (roomIds.length === 0) return [];
        query = query.where('memberships.room_id', 'in', [...roomIds]);
      }
      return (await query.execute()).map(rowOf);
    },

    async countUnread(roomId, userId, afterSeq, max) {
      const [unread, mentions] = await Promise.all([
        q.unread(db, roomId, afterSeq, userId, max),
        q.mentions(db, roomId, afterSeq, userId, max),
      ]);
      return { unread: Number(unread.rows[0]?.count ?? 0), mentions: Number(mentions.rows[0]?.count ?? 0) };
    },

    async markRead(roomId, userId, seq) {
      const found = (await q.readRow(db, roomId, userId)).rows[0];
      if (!found) return undefined;
      const row = rowOf(found);
      const target = Math.min(seq, row.lastSeq);
      if (target <= row.readSeq) return { row, moved: false };
      const { rows } = await write((trx) => q.markRead(trx, roomId, userId, target));
      const readSeq = rows[0]?.last_read_seq;
      // Left in between: no longer a member.
      if (readSeq === undefined) return undefined;
      return { row: { ...row, readSeq }, moved: true };
    },

    async setLevel(roomId, userId, change) {
      const set = {
        ...(change.level !== undefined ? { notify_level: change.level } : {}),
        ...(change.muted !== undefined ? { muted: change.muted ? 1 : 0 } : {}),
      };
      if (Object.keys(set).length === 0) {
        const row = await db
          .selectFrom('memberships')
          .select('room_id')
          .where('room_id', '=', roomId)
          .where('user_id', '=', userId)
          .executeTakeFirst();
        return row !== undefined;
      }
      const result = await write((trx) =>
        trx.updateTable('memberships').set(set).where('room_id', '=', roomId).where('user_id', '=', userId).executeTakeFirst(),
      );
      return Number(result.numUpdatedRows) > 0;
    },

    async membersNamed(roomId, names) {
      if (names.length === 0) return [];
      const keys = [...new Set(names.map(nameKey))];
      const rows = await db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['users.id', 'users.username'])
        .where('memberships.room_id', '=', roomId)
        .where(keysIn(keys))
        .execute();
      return rows;
    },

    async setMentionPolicy(roomId, policy) {
      await write((trx) => trx.updateTable('rooms').set({ mention_policy: policy }).where('id', '=', roomId).execute());
    },
  };
}

/**
 * Counts walk the (room_id, seq) index from the read position and stop at `max`, so a member who
 * has not looked at a busy room for a year costs the same as one a few messages behind.
 */
function attentionQueries({ db, engine }: Database) {
  const greatest = sql.raw(engine === 'postgres' ? 'greatest' : 'max');
  const asInt = engine === 'postgres' ? sql.raw('::integer') : sql.raw('');
  return {
    unread: compileOnce(db, (db, roomId: string, afterSeq: number, userId: string, max: number) =>
      db
        .selectFrom((eb) =>
          eb
            .selectFrom('messages')
            .select('messages.seq')
            .where('messages.room_id', '=', roomId)
            .where('messages.seq', '>', afterSeq)
            .where('messages.author_id', '<>', userId)
            .where('messages.deleted_at', 'is', null)
            .limit(max)
            .as('unread'),
        )
        .select((eb) => eb.fn.countAll<number | string>().as('count')),
    ),
    mentions: compileOnce(db, (db, roomId: string, afterSeq: number, userId: string, max: number) =>
      db
        .selectFrom((eb) =>
          eb
            .selectFrom('mentions')
            .select('mentions.seq')
            .where('mentions.room_id', '=', roomId)
            .where('mentions.seq', '>', afterSeq)
            .where('mentions.user_id', 'in', [userId, '*'])
            .where('mentions.author_id', '<>', userId)
            .limit(max)
            .as('called'),
        )
        .select((eb) => eb.fn.countAll<number | string>().as('count')),
    ),
    readRow: compileOnce(db, (db, roomId: string, userId: string) =>
      db
        .selectFrom('memberships')
        .innerJoin('rooms', 'rooms.id', 'memberships.room_id')
        .select(readColumns)
        .where('memberships.room_id', '=', roomId)
        .where('memberships.user_id', '=', userId),
    ),
    // Forward only (another device may have moved it further meanwhile); the caller keeps `seq`
    // within what the room holds, so a client cannot mark the future read.
    markRead: compileOnce(db, (db, roomId: string, userId: string, seq: number) =>
      db
        .updateTable('memberships')
        .set((eb) => ({ last_read_seq: sql<number>`${greatest}(${eb.ref('last_read_seq')}, ${seq}${asInt})` }))
        .where('room_id', '=', roomId)
        .where('user_id', '=', userId)
        .returning('last_read_seq'),
    ),
  };
}
