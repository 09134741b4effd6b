import { sql, type Updateable } from 'kysely';
import type { DirectPolicy, ProfileSettings } from '../../../contract/types.js';
import type { PeopleStore } from '../../core/people/ports.js';
import type { Database } from '../database.js';
import type { UsersTable } from '../schema.js';
import { toUser, userColumns } from '../accounts/user-rows.js';

const personColumns = [
  ...userColumns,
  'users.display_name',
  'users.status',
  'users.time_zone',
  'users.direct_policy',
  'users.last_seen_at',
] as const;

export function createPeopleStore({ db, write, engine }: Database): PeopleStore {
  // One statement whatever the number of ids: an array parameter on PostgreSQL, JSON on SQLite.
  const idIn = (column: string, ids: readonly string[]) =>
    engine === 'postgres'
      ? sql<boolean>`${sql.ref(column)} = any(${[...ids]}::text[])`
      : sql<boolean>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(ids)}))`;

  return {
    async findPerson(userId) {
      const row = await db.selectFrom('users').select(personColumns).where('users.id', '=', userId).executeTakeFirst();
      return (
        row && {
          user: toUser(row),
          displayName: row.display_name,
          status: row.status,
          timeZone: row.time_zone,
          directPolicy: row.direct_policy,
          lastSeenAt: row.last_seen_at,
        }
      );
    },

    async directPoliciesOf(userIds) {
      if (userIds.length === 0) return new Map();
      const rows = await db.selectFrom('users').select(['users.id', 'users.direct_policy']).where(idIn('users.id', userIds)).execute();
      return new Map(rows.map((row): [string, DirectPolicy] => [row.id, row.direct_policy]));
    },

    async updateProfile(userId, changes: Partial<ProfileSettings>) {
      const set: Updateable<UsersTable> = {
        ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
        ...(changes.status !== undefined ? { status: changes.status } : {}),
        ...(changes.timeZone !== undefined ? { time_zone: changes.timeZone } : {}),
        ...(changes.directPolicy !== undefined ? { direct_policy: changes.directPolicy } : {}),
      };
      if (Object.keys(set).length === 0) return;
      await write((trx) => trx.updateTable('users').set(set).where('id', '=', userId).execute());
    },

    async block(blockerId, blockedId, at) {
      await write((trx) =>
        trx
          .insertInto('blocks')
          .values({ blocker_id: blockerId, blocked_id: blockedId, created_at: at })
          .onConflict((oc) => oc.columns(['blocker_id', 'blocked_id']).doNothing())
          .execute(),
      );
    },

    async unblock(blockerId, blockedId) {
      await write((trx) => trx.deleteFrom('blocks').where('blocker_id', '=', blockerId).where('blocked_id', '=', blockedId).execute());
    },

    async listBlocked(blockerId) {
      const rows = await db
        .selectFrom('blocks')
        .innerJoin('users', 'users.id', 'blocks.blocked_id')
        .select(userColumns)
        .where('blocks.blocker_id', '=', blockerId)
        .orderBy('users.username_key')
        .execute();
      return rows.map(toUser);
    },

    async blocksAmong(userIds) {
      if (userIds.length < 2) return [];
      const rows = await db
        .selectFrom('blocks')
        .select(['blocker_id', 'blocked_id'])
        .where(idIn('blocks.blocker_id', userIds))
        .where(idIn('blocks.blocked_id', userIds))
        .execute();
      return rows.map((row) => ({ blockerId: row.blocker_id, blockedId: row.blocked_id }));
    },

    async roomsInCommon(userId, otherId) {
      return db
        .selectFrom('rooms')
        .innerJoin('memberships as mine', (join) => join.onRef('mine.room_id', '=', 'rooms.id').on('mine.user_id', '=', userId))
        .innerJoin('memberships as theirs', (join) => join.onRef('theirs.room_id', '=', 'rooms.id').on('theirs.user_id', '=', otherId))
        .select(['rooms.id', 'rooms.name', 'rooms.visibility'])
        .where('rooms.kind', '=', 'room')
        .orderBy('rooms.name_key')
        .execute();
    },

    async listMembers(roomId, limit) {
      const rows = await db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select([...userColumns, 'users.display_name', 'users.last_seen_at'])
        .where('memberships.room_id', '=', roomId)
        .orderBy('users.last_seen_at', 'desc')
        .orderBy('users.id')
        .limit(limit)
        .execute();
      return rows.map((row) => ({ user: toUser(row), displayName: row.display_name, lastSeenAt: row.last_seen_at }));
    },

    async touchLastSeen(userId, at) {
      await write((trx) => trx.updateTable('users').set({ last_seen_at: at }).where('id', '=', userId).execute());
    },
  };
}
