import type { Attachment } from '../../../contract/types.js';
import type { FileRecord } from './ports.js';

/** A file as a message carries it. */
export function attachmentOf(file: FileRecord): Attachment {
  return {
    id: file.id,
    name: file.name,
    type: file.type,
    kind: file.kind,
    size: file.size,
    ...(file.width !== null && file.height !== null ? { width: file.width, height: file.height } : {}),
    ...(file.thumb ? { thumb: file.thumb } : {}),
    alt: file.alt || file.name,
  };
}

/** Where a file's bytes are stored: spread over folders by the id's first characters. */
export function storageKeyOf(fileId: string, variant: 'original' | 'thumb'): string {
  const prefix = `files/${fileId.slice(0, 2)}/${fileId}`;
  return variant === 'original' ? prefix : `${prefix}.thumb`;
}
