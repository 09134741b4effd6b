import { fileTypeFromFile } from 'file-type';
import type { IncomingUpload, MediaWork, PreparedMedia } from '../core/files/ports.js';
import { DomainError } from '../core/shared/domain-error.js';
import { kindOf, pictureTypes } from './classify.js';
import { prepareAvatarPicture, preparePicture } from './pictures.js';
import { removeLocal } from './spool.js';

/**
 * Sniffs an upload's type from its bytes with file-type (the name and the browser's header are
 * never believed), refuses programs, and hands pictures to sharp. Anything not recognised is
 * `application/octet-stream`: served only as a download.
 */
export function mediaWork(options: { workDir: string; refusedExtensions: readonly string[] }): MediaWork {
  const refused = new Set(options.refusedExtensions);
  return {
    async prepare(upload: IncomingUpload): Promise<PreparedMedia> {
      const sniffed = await fileTypeFromFile(upload.file.path).catch(() => undefined);
      if (sniffed && refused.has(sniffed.ext)) {
        throw new DomainError('UNSUPPORTED_MEDIA', `Files of this type (.${sniffed.ext}) are not accepted here`);
      }
      const type = sniffed?.mime ?? 'application/octet-stream';
      if (pictureTypes.has(type)) {
        const picture = await preparePicture(upload.file, type, options.workDir);
        return {
          type: picture.type,
          kind: 'image',
          width: picture.width,
          height: picture.height,
          original: picture.original,
          thumb: picture.thumb,
        };
      }
      return { type, kind: kindOf(type), width: null, height: null, original: { ...upload.file, type }, thumb: null };
    },
    async prepareAvatar(file, crop, sizes) {
      const sniffed = await fileTypeFromFile(file.path).catch(() => undefined);
      if (!sniffed || !pictureTypes.has(sniffed.mime)) {
        throw new DomainError('UNSUPPORTED_MEDIA', 'A profile picture is a JPEG, PNG, WebP, GIF or AVIF picture');
      }
      return prepareAvatarPicture(file, crop, sizes, options.workDir);
    },
    discard: (...files) => removeLocal(files),
  };
}
