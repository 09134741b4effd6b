import type { AttachmentKind } from '../../contract/types.js';

/** Pictures every browser shows, re-encoded in their own format. */
export const pictureTypes = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']);

/** What browsers play inline; other video and audio is a file to download. */
const playable: Record<string, AttachmentKind> = {
  'video/mp4': 'video',
  'video/webm': 'video',
  'video/quicktime': 'video',
  'video/x-m4v': 'video',
  'video/ogg': 'video',
  'audio/mpeg': 'audio',
  'audio/mp4': 'audio',
  'audio/x-m4a': 'audio',
  'audio/aac': 'audio',
  'audio/ogg': 'audio',
  'audio/opus': 'audio',
  'audio/wav': 'audio',
  'audio/x-wav': 'audio',
  'audio/flac': 'audio',
  'audio/x-flac': 'audio',
};

/** Programs for a desktop: refused by default (HEARTH_UPLOAD_REFUSE), as most chats do. */
export const defaultRefusedExtensions = [
  'exe',
  'elf',
  'macho',
  'msi',
  'cab',
  'apk',
  'deb',
  'rpm',
  'lnk',
  'reg',
  'class',
  'jar',
  'crx',
  'xpi',
];

export function kindOf(type: string): AttachmentKind {
  if (pictureTypes.has(type)) return 'image';
  return playable[type] ?? 'file';
}
