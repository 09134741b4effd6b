import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import webpush from 'web-push';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/**
 * The server's VAPID key pair identifies it to browsers' push services. Given in the environment,
 * or made once and kept in the data folder (readable by the server's user only); several machines
 * must share one pair, so give it to them in the environment.
 */
export function loadVapidKeys(vapid: { publicKey?: string; privateKey?: string; keysFile: string }): VapidKeys {
  if (vapid.publicKey && vapid.privateKey) return { publicKey: vapid.publicKey, privateKey: vapid.privateKey };
  if (vapid.publicKey || vapid.privateKey) throw new Error('Give both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither');
  try {
    const kept = JSON.parse(readFileSync(vapid.keysFile, 'utf8')) as Partial<VapidKeys>;
    if (typeof kept.publicKey === 'string' && typeof kept.privateKey === 'string')
      return { publicKey: kept.publicKey, privateKey: kept.privateKey };
    throw new Error(`${vapid.keysFile} does not hold a VAPID key pair`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const made = webpush.generateVAPIDKeys();
  mkdirSync(dirname(vapid.keysFile), { recursive: true });
  // 'wx': two processes starting at once cannot both write; the loser reads the winner's pair.
  try {
    writeFileSync(vapid.keysFile, JSON.stringify(made), { mode: 0o600, flag: 'wx' });
    return made;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadVapidKeys(vapid);
    throw error;
  }
}
