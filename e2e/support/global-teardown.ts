import { rmSync } from 'node:fs';
import { stopMailServer } from './mail-server.js';

/** Stops the mail server and removes its folder and the throwaway SQLite database the web server used. */
export default async function globalTeardown(): Promise<void> {
  await stopMailServer();
  const database = process.env.HEARTH_E2E_DB;
  if (!database) return;
  for (const suffix of ['', '-wal', '-shm', '.vapid.json', '.files']) rmSync(database + suffix, { force: true, recursive: true });
}
