import { describe, expect, it } from 'vitest';
import { codeFrom } from './lib/invite-code.js';
import { parseRoute } from './router.js';

describe('routes', () => {
  it('reads a room, an invite and everything else as home', () => {
    expect(parseRoute('/rooms/r%201')).toEqual({ name: 'room', roomId: 'r 1' });
    expect(parseRoute('/join/ABC23456/')).toEqual({ name: 'invite', code: 'ABC23456' });
    expect(parseRoute('/')).toEqual({ name: 'home' });
    expect(parseRoute('/rooms/a/b')).toEqual({ name: 'home' });
  });

  it('takes a code from a pasted invite link or as typed', () => {
    expect(codeFrom('https://chat.example.org/join/K7M2QX9A')).toBe('K7M2QX9A');
    expect(codeFrom('  k7m2qx9a ')).toBe('k7m2qx9a');
  });
});
