// OWASP's first choice for argon2id (m=19456 KiB, t=2, p=1); hashed on our own threads
// (argon2-threads.ts). Algorithm.Argon2id is an ambient const enum, which isolated modules cannot
// read: its value is 2.
const argon2id = 2;
export const argon2Options = { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
