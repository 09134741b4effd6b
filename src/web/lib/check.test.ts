import { describe, expect, it } from 'vitest';
import { changeEmailBody, registerBody } from '../../contract/index.js';
import { check, InputError, required } from './check.js';

describe('checking a form before it is sent', () => {
  it('gives the parsed body when the input is fine', () => {
    expect(check(registerBody, { username: ' Ann ', email: ' ann@example.test ', password: 'ten chars!' })).toEqual({
      username: 'Ann',
      email: 'ann@example.test',
      password: 'ten chars!',
    });
  });

  it("throws the contract's own sentence for a short password or a bad address", () => {
    expect(() => check(registerBody, { username: 'Ann', email: 'ann@example.test', password: 'short' })).toThrow(
      'A password needs at least 10 characters',
    );
    expect(() => check(changeEmailBody, { email: 'not an address', password: 'x' })).toThrow(InputError);
  });

  it('throws the given sentence for a blank required field', () => {
    expect(() => required('   ', 'Enter your password.')).toThrow('Enter your password.');
    expect(() => required('x', 'Enter your password.')).not.toThrow();
  });
});
