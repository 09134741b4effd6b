import { limits } from '../../../contract/limits.js';
import type { Attention, NotifyLevel, User } from '../../../contract/types.js';
import type { CoreDeps } from '../shared/deps.js';
import { notFound } from '../shared/domain-error.js';
import { enforceRate } from '../shared/rate-rules.js';
import { levelInEffect } from './levels.js';
import type { ChosenLevel, ReadRow } from './ports.js';

type ReadDeps = Pick<CoreDeps, 'attention' | 'broadcast' | 'limiter' | 'rateRules'>;

/** The counts are asked only of rooms with something past the read position: most have none. */
async function attentionOf(deps: Pick<CoreDeps, 'attention'>, userId: string, row: ReadRow): Promise<Attention> {
  const counts =
    row.lastSeq > row.readSeq
      ? await deps.attention.countUnread(row.roomId, userId, row.readSeq, limits.unreadCountMax)
      : { unread: 0, mentions: 0 };
  return {
    roomId: row.roomId,
    readSeq: row.readSeq,
    ...counts,
    level: levelInEffect(row.level, row.memberCount),
    levelChosen: row.level !== 'default',
    muted: row.muted,
  };
}

/** The user's read state in each of their rooms (or these), from the server's own records. */
export async function attentionFor(deps: Pick<CoreDeps, 'attention'>, user: User, roomIds?: readonly string[]): Promise<Attention[]> {
  const rows = await deps.attention.readRowsOf(user.id, roomIds);
  return Promise.all(rows.map((row) => attentionOf(deps, user.id, row)));
}

async function oneRoom(deps: Pick<CoreDeps, 'attention'>, user: User, roomId: string): Promise<Attention> {
  const [attention] = await attentionFor(deps, user, [roomId]);
  if (!attention) throw notFound('Room');
  return attention;
}

/**
 * room:read (counted against its rate rule on the socket's command path): the user has seen the room up to `seq`. Every tab and device of theirs learns the new
 * counts (`room:attention`), so reading on the phone clears the laptop's badge.
 */
export async function markRead(deps: ReadDeps, user: User, roomId: string, seq: number): Promise<Attention> {
  const marked = await deps.attention.markRead(roomId, user.id, seq);
  if (marked === undefined) throw notFound('Room');
  const attention = await attentionOf(deps, user.id, marked.row);
  // Read to the end, the counts are known without asking; the other devices hear only of a move.
  if (marked.moved) deps.broadcast.toUser(user.id, 'room:attention', { attention });
  return attention;
}

/** A member chooses how loudly the room may call them, or mutes it. */
export async function setNotifications(
  deps: ReadDeps,
  user: User,
  roomId: string,
  change: { level?: NotifyLevel | 'default'; muted?: boolean },
): Promise<Attention> {
  await enforceRate(deps.limiter, deps.rateRules.peopleChanges, user.id);
  const level: ChosenLevel | undefined = change.level;
  if (!(await deps.attention.setLevel(roomId, user.id, { level, muted: change.muted }))) throw notFound('Room');
  const attention = await oneRoom(deps, user, roomId);
  deps.broadcast.toUser(user.id, 'room:attention', { attention });
  return attention;
}
