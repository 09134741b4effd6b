import type { Member } from '../../../contract/index.js';
import { mentionOf } from '../../../contract/mentions.js';
import { listMembers } from '../../http/people.js';

/** The `@…` being typed just before the caret, if any: where it starts and what follows the `@`. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(?:^|[^\p{L}\p{N}_.@-])@([^\s@][^@\n]{0,31}|)$/u.exec(before);
  if (!match) return null;
  const query = match[1] ?? '';
  return { start: caret - query.length - 1, query };
}

/** A suggestion: a member, or everyone (`room`) / who is online (`here`). */
export interface Suggestion {
  username: string;
  detail: string;
  userId?: string;
}

const everyone: Suggestion[] = [
  { username: 'room', detail: 'Notify everyone in this room' },
  { username: 'here', detail: 'Notify everyone online now' },
];

/** Names starting with the query first, then names containing it; a query with a space must still fit a name. */
export function suggestionsFor(members: readonly Member[], query: string, meId: string | undefined, direct: boolean): Suggestion[] {
  const q = query.toLowerCase();
  const people: Suggestion[] = members
    .filter((m) => m.user.id !== meId)
    .map((m) => ({ username: m.user.username, detail: m.displayName, userId: m.user.id }));
  const all = direct ? people : [...people, ...everyone];
  const starts = all.filter((s) => s.username.toLowerCase().startsWith(q) || s.detail.toLowerCase().startsWith(q));
  const contains = all.filter((s) => !starts.includes(s) && s.username.toLowerCase().includes(q));
  return [...starts, ...contains].slice(0, 8);
}

/** The text with the typed `@query` replaced by the picked mention and a space. */
export function withMention(text: string, at: { start: number; query: string }, username: string): { text: string; caret: number } {
  const mention = `${mentionOf(username)} `;
  const end = at.start + 1 + at.query.length;
  return { text: text.slice(0, at.start) + mention + text.slice(end), caret: at.start + mention.length };
}

// Members change slowly: asked once a minute per room at most.
const cache = new Map<string, { at: number; members: Promise<Member[]> }>();

export function membersOf(roomId: string): Promise<Member[]> {
  const held = cache.get(roomId);
  if (held && Date.now() - held.at < 60_000) return held.members;
  const members = listMembers(roomId).then(
    (page) => page.members,
    () => [],
  );
  cache.set(roomId, { at: Date.now(), members });
  return members;
}
