import type { Attachment, User } from '../../../contract/types.js';
import { refuseIfBlockedConversation } from '../people/direct-rules.js';
import { roomVisibleTo } from '../rooms/room-access.js';
import type { CoreDeps } from '../shared/deps.js';
import { DomainError } from '../shared/domain-error.js';
import { enforceRate } from '../shared/rate-rules.js';
import { attachmentOf, storageKeyOf } from './attachment.js';
import type { IncomingUpload, PreparedMedia } from './ports.js';

type UploadDeps = Pick<
  CoreDeps,
  'rooms' | 'people' | 'files' | 'blobs' | 'media' | 'uploads' | 'limiter' | 'rateRules' | 'ids' | 'clock' | 'background'
>;

export interface Allowance {
  /** The most bytes this upload may have. */
  maxBytes: number;
  /** Whether that is the quota's remainder rather than the per-file limit (which error to give). */
  byQuota: boolean;
}

/**
 * Before a byte is read: only a member uploads into a room (a block closes a one-to-one), within
 * the rate rule, and with room left in their quota. The answer bounds the upload's size.
 */
export async function allowUpload(deps: UploadDeps, user: User, roomId: string): Promise<Allowance> {
  const { room, member } = await roomVisibleTo(deps, roomId, user);
  if (!member) throw new DomainError('FORBIDDEN', 'Join the room before sending files to it');
  if (room.kind === 'direct') await refuseIfBlockedConversation(deps, room, user);
  await enforceRate(deps.limiter, deps.rateRules.uploads, user.id);
  const left = deps.uploads.quotaBytes - (await deps.files.usageOf(user.id));
  if (left <= 0) throw storageFull();
  return { maxBytes: Math.min(deps.uploads.maxBytes, left), byQuota: left < deps.uploads.maxBytes };
}

export const storageFull = (): DomainError =>
  new DomainError('STORAGE_FULL', 'Your storage is full: delete some files (or ask the administrator for more room)');
export const tooLarge = (maxBytes: number): DomainError =>
  new DomainError('PAYLOAD_TOO_LARGE', `A file may have at most ${Math.floor(maxBytes / (1024 * 1024))} MB`);

/**
 * Turns the spooled upload into a stored file the uploader can send: sniffed, a picture
 * re-encoded and given a thumbnail, the bytes stored, then the record. It stays theirs alone until
 * a message carries it; one never sent is given up after a day (housekeeping).
 */
export async function storeUpload(deps: UploadDeps, user: User, roomId: string, upload: IncomingUpload): Promise<Attachment> {
  let prepared: PreparedMedia | undefined;
  try {
    prepared = await deps.media.prepare(upload);
    const id = deps.ids.newId();
    const storageKey = storageKeyOf(id, 'original');
    const thumbKey = prepared.thumb ? storageKeyOf(id, 'thumb') : null;
    await deps.blobs.put(storageKey, prepared.original);
    if (prepared.thumb && thumbKey) await deps.blobs.put(thumbKey, prepared.thumb);
    const record = {
      id,
      roomId,
      uploaderId: user.id,
      name: upload.name,
      type: prepared.type,
      kind: prepared.kind,
      size: prepared.original.size,
      width: prepared.width,
      height: prepared.height,
      thumb: prepared.thumb ? { width: prepared.thumb.width, height: prepared.thumb.height } : null,
      alt: upload.alt,
      storageKey,
      thumbKey,
      createdAt: deps.clock.now().toISOString(),
    };
    await deps.files.insertFile(record);
    return attachmentOf({ ...record, messageId: null, deletedAt: null });
  } finally {
    deps.background(
      deps.media.discard(upload.file, prepared?.original ?? null, prepared?.thumb ?? null),
      "removing an upload's local files",
    );
  }
}
