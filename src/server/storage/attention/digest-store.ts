import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { DigestStore } from '../../core/attention/notify/ports.js';
import type { Database } from '../database.js';
import type { Schema } from '../schema.js';

/** The intervals a person may choose (notificationSettingsBody): each has its own cut-off time. */
const intervals = [10, 60] as const;

type Scope = ExpressionBuilder<Schema & { mn: Schema['mentions']; mb: Schema['memberships']; u: Schema['users'] }, 'mn' | 'mb' | 'u'>;

export function createDigestStore({ db, write, engine }: Database): DigestStore {
  const time = (iso: string) => (engine === 'postgres' ? sql<string>`${iso}::timestamptz` : sql<string>`${iso}`);
  /** The newest a mention may be to be mailed now: the person's interval ago. */
  const cutoff = (now: string) => {
    const at = Date.parse(now);
    const cases = intervals.map((m) => sql`when ${m} then ${time(new Date(at - m * 60_000).toISOString())}`);
    return sql<string>`case u.digest_minutes ${sql.join(cases, sql` `)} end`;
  };
  /** An unread mention of `mb`'s person, from someone else, in a room that may call them, not mailed yet. */
  const unreadMention = (eb: Scope, now: string, since: string): Expression<SqlBool> =>
    eb.and([
      eb.or([eb('mn.user_id', '=', eb.ref('mb.user_id')), eb('mn.user_id', '=', '*')]),
      eb('mn.author_id', '<>', eb.ref('mb.user_id')),
      eb('mn.seq', '>', eb.ref('mb.last_read_seq')),
      eb('mn.created_at', '>', time(since)),
      eb('mn.created_at', '<=', cutoff(now)),
      eb.or([eb('u.digest_through', 'is', null), eb('mn.created_at', '>', eb.ref('u.digest_through'))]),
      eb('mb.muted', '=', 0),
      eb('mb.notify_level', '<>', 'nothing'),
      eb.not(
        eb.exists(
          eb
            .selectFrom('blocks')
            .select('blocks.blocker_id')
            .whereRef('blocks.blocker_id', '=', 'mb.user_id')
            .whereRef('blocks.blocked_id', '=', 'mn.author_id'),
        ),
      ),
    ]);
  const mentionsOfMembers = () =>
    db
      .selectFrom('mentions as mn')
      .innerJoin('memberships as mb', 'mb.room_id', 'mn.room_id')
      .innerJoin('users as u', 'u.id', 'mb.user_id');

  return {
    async digestCandidates(now, since, limit) {
      const rows = await mentionsOfMembers()
        .select(['u.id', 'u.email', 'u.digest_sent_at'])
        .distinct()
        .where('u.email', 'is not', null)
        .where('u.digest_minutes', 'in', [...intervals])
        .where((eb) => unreadMention(eb as unknown as Scope, now, since))
        .where((eb) => eb.or([eb('u.digest_sent_at', 'is', null), eb('u.digest_sent_at', '<=', cutoff(now))]))
        .limit(limit)
        .execute();
      return rows.map((r) => ({ userId: r.id, email: r.email!, sentAt: r.digest_sent_at }));
    },

    async digestItems(userId, now, since, limit) {
      const rows = await mentionsOfMembers()
        .innerJoin('rooms as r', 'r.id', 'mn.room_id')
        .innerJoin('messages as m', (join) => join.onRef('m.room_id', '=', 'mn.room_id').onRef('m.seq', '=', 'mn.seq'))
        .innerJoin('users as author', 'author.id', 'mn.author_id')
        .select(['mn.room_id', 'r.name', 'r.kind', 'mn.seq', 'author.username', 'm.text', 'mn.created_at'])
        .where('mb.user_id', '=', userId)
        .where((eb) => unreadMention(eb as unknown as Scope, now, since))
        .orderBy('mn.created_at')
        .orderBy('mn.seq')
        .limit(limit)
        .execute();
      // '*' and a name can both call a person in one message: mailed once.
      const seen = new Set<string>();
      return rows
        .filter((r) => !seen.has(`${r.room_id}:${r.seq}`) && seen.add(`${r.room_id}:${r.seq}`))
        .map((r) => ({
          roomId: r.room_id,
          roomName: r.name,
          roomKind: r.kind,
          seq: r.seq,
          authorName: r.username,
          text: r.text,
          createdAt: r.created_at,
        }));
    },

    async claimDigest(userId, previousSentAt, now, through) {
      const result = await write((trx) =>
        trx
          .updateTable('users')
          .set({ digest_sent_at: now, digest_through: through })
          .where('id', '=', userId)
          .where((eb) => (previousSentAt === null ? eb('digest_sent_at', 'is', null) : eb('digest_sent_at', '=', previousSentAt)))
          .executeTakeFirst(),
      );
      return Number(result.numUpdatedRows) > 0;
    },

    async digestMinutes(userId) {
      const row = await db.selectFrom('users').select('digest_minutes').where('id', '=', userId).executeTakeFirst();
      return row?.digest_minutes;
    },

    async setDigestMinutes(userId, minutes) {
      await write((trx) => trx.updateTable('users').set({ digest_minutes: minutes }).where('id', '=', userId).execute());
    },
  };
}
