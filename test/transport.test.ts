import { describe, expect, it } from 'vitest';
import { isOriginAllowed } from '../src/server/transport/origin.js';
import { bearerToken, cookieToken } from '../src/server/transport/session-token.js';

describe('the Origin rule', () => {
  const laptop = { publicUrl: undefined, allowedOrigins: ['https://app.example.org'] };
  it.each([
    [undefined, 'localhost:3000', true],
    ['http://localhost:3000', 'localhost:3000', true],
    ['http://LOCALHOST:3000', 'localhost:3000', true],
    ['http://localhost:3001', 'localhost:3000', false],
    ['https://evil.example', 'localhost:3000', false],
    ['https://app.example.org', 'localhost:3000', true],
    ['null', 'localhost:3000', false],
    ['not a url', 'localhost:3000', false],
  ])('without PUBLIC_URL: origin %s on host %s → allowed %s', (origin, host, allowed) => {
    expect(isOriginAllowed(origin, host, laptop)).toBe(allowed);
  });

  const deployed = { publicUrl: 'https://chat.example.org', allowedOrigins: ['https://app.example.org'] };
  it.each([
    ['https://chat.example.org', '10.0.0.5:3000', true],
    ['https://CHAT.example.org:443', 'chat.example.org', true],
    ['http://chat.example.org', 'chat.example.org', false],
    ['https://chat.example.org:8443', 'chat.example.org:8443', false],
    ['https://evil.example', 'evil.example', false],
    ['https://app.example.org', 'chat.example.org', true],
  ])('with PUBLIC_URL: origin %s on host %s → allowed %s (scheme, host and port)', (origin, host, allowed) => {
    expect(isOriginAllowed(origin, host, deployed)).toBe(allowed);
  });
});

describe('reading the session token', () => {
  it('takes a Bearer token and ignores other schemes', () => {
    expect(bearerToken('Bearer abc.def')).toBe('abc.def');
    expect(bearerToken('bearer abc')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
  it('finds the session cookie among others', () => {
    expect(cookieToken('a=1; hearth_session=tok%2Den; b=2')).toBe('tok-en');
    expect(cookieToken('hearth_sessionx=1')).toBeUndefined();
    expect(cookieToken(undefined)).toBeUndefined();
  });
});
