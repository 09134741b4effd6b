import type { Attachment, User } from '../../../contract/types.js';
import type { CoreDeps } from '../shared/deps.js';
import { notFound } from '../shared/domain-error.js';
import { enforceRate } from '../shared/rate-rules.js';
import { attachmentOf } from './attachment.js';

/**
 * The uploader says what a picture shows before sending it (its alt text). Once sent it stays as
 * sent: the room has seen it. Anyone else's file, or a sent one, is not found.
 */
export async function describeFile(
  deps: Pick<CoreDeps, 'files' | 'limiter' | 'rateRules'>,
  user: User,
  fileId: string,
  alt: string,
): Promise<Attachment> {
  await enforceRate(deps.limiter, deps.rateRules.messageChanges, user.id);
  const file = await deps.files.findFile(fileId);
  if (!file || file.deletedAt !== null || file.messageId !== null || file.uploaderId !== user.id) throw notFound('File');
  await deps.files.setAlt(fileId, alt);
  return attachmentOf({ ...file, alt });
}
