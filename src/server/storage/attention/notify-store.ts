import { sql, type Kysely } from 'kysely';
import { compileOnce } from '../compile-once.js';
import type { Schema } from '../schema.js';
import type { NewDelivery, NotifyStore, PushRecipient } from '../../core/attention/notify/ports.js';
import type { Database } from '../database.js';
import { parseMentions } from '../messages/message-rows.js';

const rowsPerInsert = 1000;

export function createNotifyStore({ db, write, engine }: Database): NotifyStore {
  const idIn = (column: string, ids: readonly string[]) =>
    engine === 'postgres'
      ? sql<boolean>`${sql.ref(column)} = any(${[...ids]}::text[])`
      : sql<boolean>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(ids)}))`;

  const q = queueQueries(db);

  /** Members of the room with at least one browser subscribed, with their subscriptions. */
  async function recipients(roomId: string, userIds?: readonly string[]): Promise<PushRecipient[]> {
    const rows =
      userIds === undefined
        ? (await q.recipients(db, roomId)).rows
        : await recipientsOf(db, roomId).where(idIn('memberships.user_id', userIds)).execute();
    const byUser = new Map<string, PushRecipient>();
    for (const row of rows) {
      const held = byUser.get(row.user_id);
      if (held) held.endpoints.push(row.endpoint);
      else
        byUser.set(row.user_id, {
          userId: row.user_id,
          readSeq: row.last_read_seq,
          level: row.notify_level,
          muted: row.muted === 1,
          endpoints: [row.endpoint],
        });
    }
    return [...byUser.values()];
  }

  // A step can plan tens of thousands of pushes (50 messages × 500 browsers): inserted in chunks,
  // as one statement may bind only so many values (SQLite: 32,766).
  const insertDeliveries = async (trx: typeof db, deliveries: readonly NewDelivery[]): Promise<void> => {
    for (let i = 0; i < deliveries.length; i += rowsPerInsert) {
      await trx
        .insertInto('deliveries')
        .values(
          deliveries.slice(i, i + rowsPerInsert).map((d) => ({
            id: d.id,
            user_id: d.userId,
            endpoint: d.endpoint,
            room_id: d.roomId,
            message_id: d.messageId,
            payload: d.payload,
            run_at: d.runAt,
          })),
        )
        .execute();
    }
  };

  return {
    async roomsWaiting(limit) {
      const rows = await db
        .selectFrom('rooms')
        .select('id')
        .where((eb) => eb('notified_seq', '<', eb.ref('last_seq')))
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },

    async skipQuietRooms() {
      await write((trx) =>
        trx
          .updateTable('rooms')
          .set((eb) => ({ notified_seq: eb.ref('last_seq') }))
          .where((eb) =>
            eb.and([
              eb('notified_seq', '<', eb.ref('last_seq')),
              eb.not(
                eb.exists(
                  eb
                    .selectFrom('memberships')
                    .innerJoin('push_subscriptions', 'push_subscriptions.user_id', 'memberships.user_id')
                    .select('memberships.user_id')
                    .whereRef('memberships.room_id', '=', 'rooms.id'),
                ),
              ),
            ]),
          )
          .execute(),
      );
    },

    async readWaiting(roomId, limit) {
      const room = (await q.room(db, roomId)).rows[0];
      if (!room || room.notified_seq >= room.last_seq) return undefined;
      const people = await recipients(roomId);
      // Nobody to push to (most rooms): the messages need not be read at all.
      const messages = people.length === 0 ? [] : (await q.messages(db, roomId, room.notified_seq, limit)).rows;
      return {
        lastSeq: room.last_seq,
        roomId,
        name: room.name,
        kind: room.kind,
        memberCount: room.member_count,
        notifiedSeq: room.notified_seq,
        messages: messages.map((m) => ({
          id: m.id,
          seq: m.seq,
          authorId: m.author_id,
          authorName: m.username,
          text: m.text,
          mentions: parseMentions(m.mentions),
          deleted: m.deleted_at !== null,
        })),
        recipients: people,
      };
    },

    async handOut(roomId, fromSeq, toSeq, deliveries) {
      const moved = Symbol('not moved');
      try {
        await write(async (trx) => {
          const result = await trx
            .updateTable('rooms')
            .set({ notified_seq: toSeq })
            .where('id', '=', roomId)
            .where('notified_seq', '=', fromSeq)
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) === 0) throw moved;
          await insertDeliveries(trx, deliveries);
        });
        return true;
      } catch (error) {
        if (error === moved) return false;
        throw error;
      }
    },

    recipientsAmong: (roomId, userIds) => (userIds.length === 0 ? Promise.resolve([]) : recipients(roomId, userIds)),

    addDeliveries: (deliveries) => (deliveries.length === 0 ? Promise.resolve() : write((trx) => insertDeliveries(trx, deliveries))),

    async dueDeliveries(now, limit) {
      const rows = await db.selectFrom('deliveries').selectAll().where('run_at', '<=', now).orderBy('run_at').limit(limit).execute();
      return rows.map((r) => ({
        id: r.id,
        userId: r.user_id,
        endpoint: r.endpoint,
        roomId: r.room_id,
        messageId: r.message_id,
        payload: r.payload,
        runAt: r.run_at,
        attempts: r.attempts,
      }));
    },

    async leaseDelivery(id, attempts, until) {
      const result = await write((trx) =>
        trx
          .updateTable('deliveries')
          .set({ attempts: attempts + 1, run_at: until })
          .where('id', '=', id)
          .where('attempts', '=', attempts)
          .executeTakeFirst(),
      );
      return Number(result.numUpdatedRows) > 0;
    },

    async retryDelivery(id, runAt) {
      await write((trx) => trx.updateTable('deliveries').set({ run_at: runAt }).where('id', '=', id).execute());
    },

    async finishDelivery(id) {
      await write((trx) => trx.deleteFrom('deliveries').where('id', '=', id).execute());
    },

    async findSubscription(endpoint) {
      const row = await db.selectFrom('push_subscriptions').selectAll().where('endpoint', '=', endpoint).executeTakeFirst();
      return row && { endpoint: row.endpoint, userId: row.user_id, p256dh: row.p256dh, auth: row.auth };
    },

    async saveSubscription(subscription, at) {
      await write(async (trx) => {
        // A browser handed to someone else (another person signs in) stops getting the first one's pushes.
        await trx
          .deleteFrom('deliveries')
          .where('endpoint', '=', subscription.endpoint)
          .where('user_id', '<>', subscription.userId)
          .execute();
        await trx
          .insertInto('push_subscriptions')
          .values({
            endpoint: subscription.endpoint,
            user_id: subscription.userId,
            p256dh: subscription.p256dh,
            auth: subscription.auth,
            created_at: at,
          })
          .onConflict((oc) =>
            oc.column('endpoint').doUpdateSet({ user_id: subscription.userId, p256dh: subscription.p256dh, auth: subscription.auth }),
          )
          .execute();
      });
    },

    async countSubscriptions(userId) {
      const row = await db
        .selectFrom('push_subscriptions')
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(row?.count ?? 0);
    },

    async removeSubscription(endpoint, userId) {
      await write(async (trx) => {
        let query = trx.deleteFrom('push_subscriptions').where('endpoint', '=', endpoint);
        if (userId !== undefined) query = query.where('user_id', '=', userId);
        const removed = await query.executeTakeFirst();
        // SQLite enforces the foreign key's cascade only with foreign_keys on: done here for both.
        if (Number(removed.numDeletedRows) > 0) await trx.deleteFrom('deliveries').where('endpoint', '=', endpoint).execute();
      });
    },
  };
}

function recipientsOf(db: Kysely<Schema>, roomId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('push_subscriptions', 'push_subscriptions.user_id', 'memberships.user_id')
    .select([
      'memberships.user_id',
      'memberships.last_read_seq',
      'memberships.notify_level',
      'memberships.muted',
      'push_subscriptions.endpoint',
    ])
    .where('memberships.room_id', '=', roomId)
    .orderBy('memberships.user_id')
    .orderBy('push_subscriptions.endpoint');
}

/** What every hand-out step reads, compiled once (compile-once.ts). */
function queueQueries(db: Kysely<Schema>) {
  return {
    room: compileOnce(db, (db, roomId: string) =>
      db.selectFrom('rooms').select(['id', 'name', 'kind', 'member_count', 'notified_seq', 'last_seq']).where('id', '=', roomId),
    ),
    recipients: compileOnce(db, (db, roomId: string) => recipientsOf(db, roomId)),
    messages: compileOnce(db, (db, roomId: string, afterSeq: number, limit: number) =>
      db
        .selectFrom('messages')
        .innerJoin('users', 'users.id', 'messages.author_id')
        .select([
          'messages.id',
          'messages.seq',
          'messages.author_id',
          'users.username',
          'messages.text',
          'messages.mentions',
          'messages.deleted_at',
        ])
        .where('messages.room_id', '=', roomId)
        .where('messages.seq', '>', afterSeq)
        .orderBy('messages.seq')
        .limit(limit),
    ),
  };
}
