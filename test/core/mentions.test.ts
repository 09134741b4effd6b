import { describe, expect, it } from 'vitest';
import { mentionedNames, mentionOf } from '../../src/contract/mentions.js';
import { callsFor, levelInEffect } from '../../src/server/core/attention/levels.js';

describe('mention names', () => {
  it('finds @name and @[a name with spaces], once each, without the sentence’s punctuation', () => {
    expect(mentionedNames('hi @Ann, @[Bob Smith] and @ann. @Cleo-')).toEqual({
      names: ['Ann', 'Bob Smith', 'Cleo'],
      room: false,
      here: false,
    });
  });

  it('@room and @here call everyone; in brackets they are people named so', () => {
    expect(mentionedNames('@room @HERE')).toEqual({ names: [], room: true, here: true });
    expect(mentionedNames('@[room]')).toEqual({ names: ['room'], room: false, here: false });
  });

  it('ignores addresses, words, and code', () => {
    expect(mentionedNames('mail ann@example.org or x@y')).toEqual({ names: [], room: false, here: false });
    expect(mentionedNames('`@room` and\n```\n@Ann\n```\nthen @Bob')).toEqual({ names: ['Bob'], room: false, here: false });
  });

  it('scripts other than Latin are names too; there is a cap', () => {
    expect(mentionedNames('привет @Аня и @李')).toMatchObject({ names: ['Аня', '李'] });
    const many = Array.from({ length: 80 }, (_, i) => `@p${i}`).join(' ');
    expect(mentionedNames(many).names).toHaveLength(50);
  });

  it('the composer writes a mention so that it reads back whole', () => {
    for (const name of ['Ann', 'Bob Smith', 'room', 'a.b', 'x-', 'Аня']) {
      const written = mentionOf(name);
      expect(mentionedNames(`hi ${written} there`).names, written).toEqual([name]);
    }
  });
});

describe('levels', () => {
  it('the default follows the room’s size: all up to 20 members, mentions beyond', () => {
    expect(levelInEffect('default', 20)).toBe('all');
    expect(levelInEffect('default', 21)).toBe('mentions');
    expect(levelInEffect('nothing', 2)).toBe('nothing');
  });

  it('a muted room or "nothing" never calls; "mentions" only when mentioned', () => {
    expect(callsFor('all', false, false)).toBe(true);
    expect(callsFor('all', true, true)).toBe(false);
    expect(callsFor('nothing', false, true)).toBe(false);
    expect(callsFor('mentions', false, false)).toBe(false);
    expect(callsFor('mentions', false, true)).toBe(true);
  });
});
