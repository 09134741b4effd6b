import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../core/ports.js';

// OWASP's first choice for argon2id. @node-rs/argon2 hashes on libuv's thread pool, so the event
// loop keeps serving sockets while a password is checked.
// Algorithm.Argon2id is an ambient const enum, which isolated modules cannot read: its value is 2.
const argon2id = 2;
const options = { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const argon2Passwords: PasswordHasher = {
  hash: (password) => hash(password, options),
  verify: async (passwordHash, password) => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  },
};
