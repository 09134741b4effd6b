import { limits } from './limits.js';

export interface MentionedNames {
  /** Distinct names as written after `@` (at most `mentionsPerMessageMax`). */
  names: string[];
  room: boolean;
  here: boolean;
}

// Code shows what was typed, so an @ inside it calls no one: fenced blocks, then inline spans.
const fencedCode = /^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n\1\2[`~]*[ \t]*(?=\n|$)|$)/gm;
const inlineCode = /(`+)[^`][\s\S]*?\1/g;
// `@name` (letters, digits, _ . -), or `@[a name with spaces]`, not inside a word or an address.
export const mentionPattern = /(?<![\p{L}\p{N}_.@-])@(?:\[([^\]\n]{1,64})\]|([\p{L}\p{N}_][\p{L}\p{N}_.-]{0,63}))/gu;

/**
 * The names a message calls with `@`. A trailing dot or dash ends the sentence, not the name.
 * `@room` and `@here` call everyone (present), unless someone is named so in brackets.
 */
export function mentionedNames(text: string): MentionedNames {
  const prose = text.replace(fencedCode, '').replace(inlineCode, '');
  const names = new Map<string, string>();
  let room = false;
  let here = false;
  for (const match of prose.matchAll(mentionPattern)) {
    const bracketed = match[1]?.trim();
    const bare = match[2]?.replace(/[.-]+$/, '');
    const name = bracketed || bare;
    if (!name) continue;
    if (bare !== undefined && bare.toLowerCase() === 'room') room = true;
    else if (bare !== undefined && bare.toLowerCase() === 'here') here = true;
    else if (names.size < limits.mentionsPerMessageMax && !names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
  }
  return { names: [...names.values()], room, here };
}

/** How the composer writes a mention of this name: bare when it can be read back whole. */
export function mentionOf(username: string): string {
  if (/^(room|here)$/i.test(username)) return `@[${username}]`;
  return /^[\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?$/u.test(username) ? `@${username}` : `@[${username}]`;
}
