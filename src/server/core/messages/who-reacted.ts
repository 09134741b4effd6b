import type { User } from '../../../contract/types.js';
import { roomVisibleTo } from '../rooms/room-access.js';
import type { CoreDeps } from '../shared/deps.js';
import { notFound } from '../shared/domain-error.js';

export interface ReactionPeople {
  emoji: string;
  users: User[];
}

/** Who put each emoji on a message, by name, for whoever may read the room (hovering a reaction asks). */
export async function whoReacted(
  deps: Pick<CoreDeps, 'rooms' | 'messages' | 'users'>,
  user: User,
  roomId: string,
  messageId: string,
): Promise<ReactionPeople[]> {
  await roomVisibleTo(deps, roomId, user);
  const reactions = await deps.messages.reactionsOf(roomId, messageId);
  if (!reactions) throw notFound('Message');
  const people = new Map((await deps.users.findUsersByIds([...new Set(reactions.flatMap((r) => r.userIds))])).map((u) => [u.id, u]));
  return reactions.map((r) => ({ emoji: r.emoji, users: r.userIds.flatMap((id) => people.get(id) ?? []) }));
}
