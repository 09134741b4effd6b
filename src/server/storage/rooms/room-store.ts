import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { MembershipChange, NewRoom, RoomStore } from '../../core/rooms/ports.js';
import { compileOnce } from '../compile-once.js';
import { roomColumns, toRoom, type Schema } from '../schema.js';
import { nameKey } from '../name-key.js';
import { listDirectory } from './room-directory.js';
import { violatedUniqueKey } from '../unique-violation.js';

type HotQueries = ReturnType<typeof hotQueries>;

/** The queries every send, join and connection runs, compiled once (compile-once.ts). */
function hotQueries(db: Kysely<Schema>) {
  return {
    roomFor: compileOnce(db, (db, roomId: string, userId: string) =>
      db
        .selectFrom('rooms')
        .leftJoin('memberships', (join) => join.onRef('memberships.room_id', '=', 'rooms.id').on('memberships.user_id', '=', userId))
        .select([...roomColumns, 'memberships.user_id as member_id'])
        .where('rooms.id', '=', roomId),
    ),
    addMember: compileOnce(db, (db, roomId: string, userId: string, joinedAt: string) =>
      db
        .insertInto('memberships')
        // A newcomer starts with the room read: its history is there to scroll, not to be told of.
        .values((eb) => ({
          room_id: roomId,
          user_id: userId,
          role: 'member',
          joined_at: joinedAt,
          last_read_seq: eb.selectFrom('rooms').select('last_seq').where('id', '=', roomId),
        }))
        .onConflict((oc) => oc.columns(['room_id', 'user_id']).doNothing()),
    ),
    bumpCount: compileOnce(db, (db, roomId: string, delta: number) =>
      db
        .updateTable('rooms')
        .set((eb) => ({ member_count: eb('member_count', '+', delta) }))
        .where('id', '=', roomId)
        .returning('member_count'),
    ),
    memberCount: compileOnce(db, (db, roomId: string) => db.selectFrom('rooms').select('member_count').where('id', '=', roomId)),
    memberIds: compileOnce(db, (db, roomId: string) => db.selectFrom('memberships').select('user_id').where('room_id', '=', roomId)),
    roomIdsOf: compileOnce(db, (db, userId: string) => db.selectFrom('memberships').select('room_id').where('user_id', '=', userId)),
  };
}

export function createRoomStore({ db, write }: Database): RoomStore {
  const selectRooms = () => db.selectFrom('rooms').select(roomColumns);
  const q = hotQueries(db);

  return {
    async insertRoom(room: NewRoom) {
      const others = room.otherMemberIds ?? [];
      try {
        await write(async (trx) => {
          await trx
            .insertInto('rooms')
            .values({
              id: room.id,
              name: room.name,
              name_key: nameKey(room.name),
              topic: room.topic,
              visibility: room.visibility,
              code: room.code,
              owner_id: room.ownerId,
              last_seq: 0,
              last_change: 0,
              created_at: room.createdAt,
              last_activity_at: room.createdAt,
              member_count: 1 + others.length,
              kind: room.kind ?? 'room',
              direct_key: room.directKey ?? null,
              direct_group: room.directGroup ? 1 : 0,
            })
            .execute();
          await trx
            .insertInto('memberships')
            .values([
              { room_id: room.id, user_id: room.ownerId, role: 'owner', joined_at: room.createdAt },
              ...others.map((userId) => ({ room_id: room.id, user_id: userId, role: 'member' as const, joined_at: room.createdAt })),
            ])
            .execute();
        });
        return 'ok';
      } catch (error) {
        const key = violatedUniqueKey(error);
        if (key?.includes('direct_key')) return 'direct_taken';
        if (key?.includes('name_key')) return 'name_taken';
        if (key?.includes('code')) return 'code_taken';
        throw error;
      }
    },

    async findRoomById(id: string) {
      const row = await selectRooms().where('id', '=', id).executeTakeFirst();
      return row && toRoom(row);
    },

    async findRoomByCode(code: string) {
      const row = await selectRooms().where('code', '=', code).where('kind', '=', 'room').executeTakeFirst();
      return row && toRoom(row);
    },

    async findDirectRoom(directKey: string) {
      const row = await selectRooms().where('direct_key', '=', directKey).executeTakeFirst();
      return row && toRoom(row);
    },

    async listMembersOf(roomIds: readonly string[]) {
      const members = new Map<string, string[]>(roomIds.map((id) => [id, []]));
      if (roomIds.length === 0) return members;
      const rows = await db
        .selectFrom('memberships')
        .select(['room_id', 'user_id'])
        .where('room_id', 'in', [...roomIds])
        .orderBy('joined_at')
        .orderBy('user_id')
        .execute();
      for (const row of rows) members.get(row.room_id)?.push(row.user_id);
      return members;
    },

    async findPublicRoomByName(name: string) {
      const row = await selectRooms().where('visibility', '=', 'public').where('name_key', '=', nameKey(name)).executeTakeFirst();
      return row && toRoom(row);
    },

    async listRoomsOf(userId: string) {
      const rows = await selectRooms()
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('memberships')
              .select('memberships.room_id')
              .whereRef('memberships.room_id', '=', 'rooms.id')
              .where('memberships.user_id', '=', userId),
          ),
        )
        .orderBy('rooms.last_activity_at', 'desc')
        .orderBy('rooms.id')
        .execute();
      return rows.map(toRoom);
    },

    listDirectory: (userId, page) => listDirectory(db, userId, page),

    async findRoomFor(roomId: string, userId: string) {
      const row = (await q.roomFor(db, roomId, userId)).rows[0];
      return row && { room: toRoom(row), member: row.member_id !== null };
    },

    addMember(roomId: string, userId: string, joinedAt: string) {
      return write(async (trx): Promise<MembershipChange> => {
        const inserted = await q.addMember(trx, roomId, userId, joinedAt);
        return adjustCount(q, trx, roomId, Number(inserted.numAffectedRows ?? 0n));
      });
    },

    removeMember(roomId: string, userId: string) {
      return write(async (trx): Promise<MembershipChange> => {
        const deleted = await trx.deleteFrom('memberships').where('room_id', '=', roomId).where('user_id', '=', userId).executeTakeFirst();
        return adjustCount(q, trx, roomId, -Number(deleted.numDeletedRows));
      });
    },

    async listMemberIds(roomId: string) {
      const { rows } = await q.memberIds(db, roomId);
      return rows.map((row) => row.user_id);
    },

    async roleOf(roomId: string, userId: string) {
      const row = await db
        .selectFrom('memberships')
        .select('role')
        .where('room_id', '=', roomId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row?.role;
    },

    async setRoomCode(roomId: string, code: string) {
      try {
        await write((trx) => trx.updateTable('rooms').set({ code }).where('id', '=', roomId).execute());
        return 'ok';
      } catch (error) {
        if (violatedUniqueKey(error)?.includes('code')) return 'code_taken';
        throw error;
      }
    },

    async setRoomName(roomId: string, name: string) {
      await write((trx) =>
        trx
          .updateTable('rooms')
          .set({ name, name_key: nameKey(name) })
          .where('id', '=', roomId)
          .execute(),
      );
    },

    async rekeyDirectRoom(roomId: string, directKey: string | null) {
      try {
        await write((trx) => trx.updateTable('rooms').set({ direct_key: directKey }).where('id', '=', roomId).execute());
        return 'ok';
      } catch (error) {
        if (violatedUniqueKey(error)?.includes('direct_key')) return 'taken';
        throw error;
      }
    },

    async listRoomIdsOf(userId: string) {
      const { rows } = await q.roomIdsOf(db, userId);
      return rows.map((row) => row.room_id);
    },
  };
}

/** Applies a membership insert (+1) or delete (-1) to the count, in the caller's transaction. */
async function adjustCount(q: HotQueries, trx: Kysely<Schema>, roomId: string, delta: number): Promise<MembershipChange> {
  const { rows } = delta === 0 ? await q.memberCount(trx, roomId) : await q.bumpCount(trx, roomId, delta);
  return { changed: delta !== 0, memberCount: rows[0]?.member_count ?? 0 };
}
