import type { CoreDeps } from './deps.js';
import { sessionCutoffs } from '../accounts/sessions.js';
import { sweepFiles } from '../files/sweep-files.js';

export interface Swept {
  sessions: number;
  resetTokens: number;
  guests: number;
  /** Files of deleted messages, and uploads never sent within a day, whose bytes were removed. */
  files: number;
}

const idleGuestMs = 30 * 24 * 60 * 60_000;

/**
 * What nobody will use again: dead sessions, used or expired reset links, guests who said
 * nothing and have not been seen for 30 days (their names come free), and files no one can open.
 */
export async function sweepStale(
  deps: Pick<CoreDeps, 'sessions' | 'resetTokens' | 'users' | 'clock' | 'sessionLifetimeMs' | 'files' | 'blobs'>,
): Promise<Swept> {
  const { now, createdAfter } = sessionCutoffs(deps);
  const sessions = await deps.sessions.purgeSessions(now, createdAfter);
  const resetTokens = await deps.resetTokens.purgeResetTokens(now);
  const seenBefore = new Date(deps.clock.now().getTime() - idleGuestMs).toISOString();
  let guests = 0;
  // Batches of a few hundred, so a first run on an old install does not hold the writer for long.
  for (let batch = 0; batch < 100; batch++) {
    const removed = await deps.users.removeIdleGuests(seenBefore);
    guests += removed;
    if (removed === 0) break;
  }
  const files = await sweepFiles(deps);
  return { sessions, resetTokens, guests, files };
}
