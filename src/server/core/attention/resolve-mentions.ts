import { mentionedNames } from '../../../contract/mentions.js';
import type { Mention, Room, User } from '../../../contract/types.js';
import type { CoreDeps } from '../shared/deps.js';
import { DomainError } from '../shared/domain-error.js';

type MentionDeps = Pick<CoreDeps, 'attention' | 'rooms' | 'presence'>;

export interface ResolvedMentions {
  /** As the message shows them. */
  mentions: Mention[];
  /** Who is called: member ids, or '*' for everyone in the room. Never the author by name. */
  mentioned: string[];
}

const none: ResolvedMentions = { mentions: [], mentioned: [] };

/**
 * Whom a message calls, against the room's members now: a name that is no member's stays text.
 * Every message of a direct conversation calls its people. `@room` and `@here` may be kept for
 * owners (the room's mention policy); `@here` calls the members online as it is sent.
 */
export async function resolveMentions(deps: MentionDeps, room: Room, author: User, text: string): Promise<ResolvedMentions> {
  const direct = room.kind === 'direct';
  // Most messages: one scan for '@', nothing else.
  if (!text.includes('@')) return direct ? { mentions: [], mentioned: ['*'] } : none;
  const written = mentionedNames(text);
  const people = written.names.length > 0 ? await deps.attention.membersNamed(room.id, written.names) : [];
  const order = (username: string) => {
    const at = written.names.findIndex((name) => name.toLowerCase() === username.toLowerCase());
    return at < 0 ? written.names.length : at;
  };
  people.sort((a, b) => order(a.username) - order(b.username));
  const mentions: Mention[] = people.map((p) => ({ kind: 'user', id: p.id, username: p.username }));
  const mentioned = new Set(people.map((p) => p.id).filter((id) => id !== author.id));
  if ((written.room || written.here) && !direct) {
    await refuseUnlessMayCallEveryone(deps, room, author);
    if (written.room) {
      mentions.push({ kind: 'room' });
      mentioned.add('*');
    }
    if (written.here) {
      mentions.push({ kind: 'here' });
      for (const id of await onlineMembers(deps, room.id)) if (id !== author.id) mentioned.add(id);
    }
  }
  if (direct) return { mentions, mentioned: ['*'] };
  return { mentions, mentioned: mentioned.has('*') ? ['*'] : [...mentioned] };
}

async function refuseUnlessMayCallEveryone(deps: MentionDeps, room: Room, author: User): Promise<void> {
  if (room.mentionPolicy === 'everyone' || author.kind === 'admin') return;
  if ((await deps.rooms.roleOf(room.id, author.id)) === 'owner') return;
  throw new DomainError('FORBIDDEN', 'Only the room’s owners may call everyone with @room or @here here');
}

async function onlineMembers(deps: MentionDeps, roomId: string): Promise<string[]> {
  return [...(await deps.presence.onlineAmong(await deps.rooms.listMemberIds(roomId)))];
}
