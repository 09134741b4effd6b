import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { roomCodeAlphabet } from '../../contract/limits.js';
import type { Clock, Ids } from '../core/shared/ports.js';

export const nodeIds: Ids = {
  newId: () => randomUUID(),
  newRoomCode: (length) => {
    let code = '';
    for (let i = 0; i < length; i++) code += roomCodeAlphabet[randomInt(roomCodeAlphabet.length)];
    return code;
  },
  // 256 random bits; only the hash is stored, so a database leak yields no usable session.
  newToken: () => randomBytes(32).toString('base64url'),
  hashToken: (token) => createHash('sha256').update(token).digest('base64url'),
};

export const systemClock: Clock = { now: () => new Date() };
