/** Seeded, so a failure reproduces: mulberry32. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(next: () => number, choices: readonly T[]): T {
  return choices[Math.floor(next() * choices.length)]!;
}

/** Printable ASCII and the bytes that break parsers: `%`, quotes, separators, controls, non-ASCII. */
export function junkText(next: () => number, maxLength: number): string {
  const alphabet = [
    '%',
    '%E0',
    '%A4',
    '%%',
    '"',
    "'",
    ';',
    ',',
    '=',
    ' ',
    '\\',
    '/',
    '{',
    '}',
    '[',
    ']',
    'a',
    'Z',
    '0',
    '~',
    'é',
    '💥',
    '\u200b',
  ];
  let text = '';
  const length = Math.floor(next() * maxLength);
  while (text.length < length) text += pick(next, alphabet);
  return text;
}
