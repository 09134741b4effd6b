import { rmSync } from 'node:fs';

/** Removes the throwaway SQLite database the web server used. */
export default function globalTeardown(): void {
  const database = process.env.HEARTH_E2E_DB;
  if (!database) return;
  for (const suffix of ['', '-wal', '-shm']) rmSync(database + suffix, { force: true });
}
