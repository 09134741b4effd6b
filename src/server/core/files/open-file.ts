import type { User } from '../../../contract/types.js';
import type { CoreDeps } from '../shared/deps.js';
import { notFound } from '../shared/domain-error.js';
import { enforceRate } from '../shared/rate-rules.js';
import type { FileRecord } from './ports.js';

type OpenDeps = Pick<CoreDeps, 'rooms' | 'files' | 'limiter' | 'rateRules'>;

/**
 * A file's bytes are for the room's members as the room is now, checked on every request: someone
 * who left, was removed or never belonged gets the same answer as for a file that does not exist
 * (a URL passed on opens nothing). An unsent file is its uploader's alone; a deleted one is no one's.
 */
export async function openFile(deps: OpenDeps, user: User, fileId: string): Promise<FileRecord> {
  await enforceRate(deps.limiter, deps.rateRules.fileReads, user.id);
  const file = await deps.files.findFile(fileId);
  if (!file || file.deletedAt !== null) throw notFound('File');
  if (file.messageId === null) {
    if (file.uploaderId !== user.id) throw notFound('File');
    return file;
  }
  const access = await deps.rooms.findRoomFor(file.roomId, user.id);
  if (!access?.member) throw notFound('File');
  return file;
}

/** Whether a browser may show it in the page; anything else is only ever downloaded. */
export const showsInline = (file: Pick<FileRecord, 'kind'>): boolean => file.kind !== 'file';
