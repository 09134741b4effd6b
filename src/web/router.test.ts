import { describe, expect, it } from 'vitest';
import { codeFrom } from './lib/invite-code.js';
import { parseRoute } from './router.js';

describe('routes', () => {
  it('reads a room, an invite and everything else as home', () => {
    expect(parseRoute('/rooms/r%201')).toEqual({ name: 'room', roomId: 'r 1' });
    expect(parseRoute('/join/ABC23456/')).toEqual({ name: 'invite', code: 'ABC23456' });
    expect(parseRoute('/')).toEqual({ name: 'home' });
    expect(parseRoute('/rooms/a/b')).toEqual({ name: 'home' });
    expect(parseRoute('/signupx')).toEqual({ name: 'home' });
  });

  it('reads the account pages and the reset link from the mail', () => {
    expect(parseRoute('/signup')).toEqual({ name: 'signup' });
    expect(parseRoute('/login/')).toEqual({ name: 'login' });
    expect(parseRoute('/forgot')).toEqual({ name: 'forgot' });
    expect(parseRoute('/account')).toEqual({ name: 'account' });
    expect(parseRoute('/reset/abc_DEF-123')).toEqual({ name: 'reset', token: 'abc_DEF-123' });
    expect(parseRoute('/reset/')).toEqual({ name: 'home' });
  });

  it('reads an address that is not valid percent-encoding as home instead of throwing', () => {
    expect(parseRoute('/rooms/%E0')).toEqual({ name: 'home' });
    expect(parseRoute('/join/%')).toEqual({ name: 'home' });
    expect(parseRoute('/reset/%E0%A4%A')).toEqual({ name: 'home' });
  });

  it('takes a code from a pasted invite link or as typed', () => {
    expect(codeFrom('https://chat.example.org/join/K7M2QX9A')).toBe('K7M2QX9A');
    expect(codeFrom('  k7m2qx9a ')).toBe('k7m2qx9a');
  });
});
