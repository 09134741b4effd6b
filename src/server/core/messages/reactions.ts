import type { Reaction } from '../../../contract/types.js';

/** How a message's reactions are kept: each emoji with who put it there (a person once per emoji). */
export interface ReactionRecord {
  emoji: string;
  userIds: string[];
}

/**
 * A person's reaction with an emoji, toggled: taken back if there, added if not. An emoji nobody
 * uses any more disappears; a new emoji beyond `maxEmoji` distinct ones is refused (undefined).
 * Emoji keep the order in which they were first used.
 */
export function toggleReaction(
  reactions: readonly ReactionRecord[],
  userId: string,
  emoji: string,
  maxEmoji: number,
): { reactions: ReactionRecord[]; on: boolean } | undefined {
  const existing = reactions.find((r) => r.emoji === emoji);
  if (existing?.userIds.includes(userId)) {
    const userIds = existing.userIds.filter((id) => id !== userId);
    return {
      reactions: reactions.flatMap((r) => (r !== existing ? [r] : userIds.length ? [{ emoji, userIds }] : [])),
      on: false,
    };
  }
  if (existing) return { reactions: reactions.map((r) => (r === existing ? { emoji, userIds: [...r.userIds, userId] } : r)), on: true };
  if (reactions.length >= maxEmoji) return undefined;
  return { reactions: [...reactions, { emoji, userIds: [userId] }], on: true };
}

/** The reactions as one reader sees them: counts, and which are theirs (none without a reader). */
export const reactionsSeenBy = (records: readonly ReactionRecord[], readerId: string | undefined): Reaction[] =>
  records.map((r) => ({ emoji: r.emoji, count: r.userIds.length, me: readerId !== undefined && r.userIds.includes(readerId) }));
