import { describe, expect, it } from 'vitest';
import type { PasswordHasher } from '../../src/server/core/accounts/ports.js';
import { api, startHearth } from '../support/hearth.js';
import { login, register, unique } from '../support/accounts.js';

/** A hasher that counts its calls and takes as long as the test says. */
function controlledHasher(): PasswordHasher & { calls: number; release(): void } {
  let gate: Promise<void> = Promise.resolve();
  let open: () => void = () => undefined;
  const hasher = {
    calls: 0,
    hold() {
      gate = new Promise((resolve) => (open = resolve));
    },
    release: () => open(),
    async hash(password: string) {
      hasher.calls += 1;
      await gate;
      return `hashed:${password}`;
    },
    async verify(hash: string, password: string) {
      hasher.calls += 1;
      await gate;
      return hash === `hashed:${password}`;
    },
  };
  return hasher;
}

describe('password hashing cannot be flooded', () => {
  it('a made-up reset token is refused before any password is hashed', async () => {
    const passwords = controlledHasher();
    const server = await startHearth({}, { passwords });
    try {
      for (let i = 0; i < 20; i++) {
        const res = await api(server, 'POST', '/api/auth/password-reset/confirm', {
          body: { token: `made-up-${i}`, password: 'a long new passphrase' },
        });
        expect(res.status).toBe(400);
      }
      expect(passwords.calls).toBe(0);
    } finally {
      await server.stop();
    }
  });

  it('beyond the hashing queue a sign-in is refused at once with 503, before the queued ones finish', async () => {
    const passwords = controlledHasher();
    const server = await startHearth({ hashing: { concurrency: 1, queue: 2 } }, { passwords });
    try {
      await register(server, { username: 'Hasher' });
      await login(server, unique('nobody'), 'makes the decoy hash for unknown logins');
      passwords.calls = 0;
      (passwords as unknown as { hold(): void }).hold();
      const order: number[] = [];
      const attempts = Array.from({ length: 10 }, (_, i) =>
        login(server, i % 2 ? 'Hasher' : unique('nobody'), 'wrong password').then((res) => {
          order.push(res.status);
          return res;
        }),
      );
      // The three that got a slot or a place in line are still waiting; the seven others are answered.
      await expect.poll(() => order.length).toBe(7);
      expect(order.every((status) => status === 503)).toBe(true);
      expect(passwords.calls).toBe(1);
      passwords.release();
      const all = await Promise.all(attempts);
      expect(all.filter((r) => r.status === 401)).toHaveLength(3);
      expect(all.find((r) => r.status === 503)?.body).toMatchObject({ error: { code: 'UNAVAILABLE', retryAfterMs: expect.any(Number) } });
    } finally {
      await server.stop();
    }
  });
});
