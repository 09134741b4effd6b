import type { Room, User } from '../../../contract/types.js';
import type { CoreDeps } from '../shared/deps.js';
import { DomainError } from '../shared/domain-error.js';

type RuleDeps = Pick<CoreDeps, 'people' | 'rooms'>;

/**
 * Refuses a new direct conversation (or adding people to one) that someone in it did not agree
 * to: a block either way, or a person who takes messages only from people sharing a room with them.
 * The refusals say which: a blocked person learns they cannot write, rather than writing into silence.
 */
export async function refuseUnwelcome(deps: RuleDeps, starter: User, others: readonly User[], existing?: Room): Promise<void> {
  // Reopening a group one is in is like opening a room: a block folds messages away, no more.
  if (existing?.group) return;
  const otherIds = others.map((o) => o.id);
  for (const block of await deps.people.blocksAmong([starter.id, ...otherIds])) {
    if (block.blockerId === starter.id) throw blockedByYou(others.find((o) => o.id === block.blockedId));
    if (block.blockedId === starter.id) throw blockedYou();
  }
  // A conversation that already exists was agreed to when it began: reopening it asks no policy.
  if (existing) return;
  const policies = await deps.people.directPoliciesOf(otherIds);
  for (const other of others) {
    if (policies.get(other.id) !== 'shared_room') continue;
    if ((await deps.people.roomsInCommon(starter.id, other.id)).length === 0) {
      throw new DomainError('DIRECT_RESTRICTED', `${other.username} takes direct messages only from people in a room with them`);
    }
  }
}

/**
 * A one-to-one between two people of whom one blocks the other is closed to both: the blocked
 * one cannot go on writing, and the blocker, having chosen silence, cannot write either. Group
 * conversations go on (the blocker's client folds the blocked one's messages away, as in rooms).
 */
export async function refuseIfBlockedConversation(deps: RuleDeps, room: Room, writer: User): Promise<void> {
  if (room.kind !== 'direct' || room.group) return;
  const memberIds = await deps.rooms.listMemberIds(room.id);
  const [block] = await deps.people.blocksAmong(memberIds);
  if (block === undefined) return;
  throw block.blockerId === writer.id ? blockedByYou() : blockedYou();
}

const blockedYou = () => new DomainError('BLOCKED', 'This person does not accept your messages');

const blockedByYou = (person?: User) =>
  new DomainError('BLOCKED', `You blocked ${person?.username ?? 'this person'}: unblock them to write`);
