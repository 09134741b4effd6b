import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { BlobStore } from '../core/files/ports.js';
import { ignoreMissing, mapStorageError } from './storage-errors.js';

/**
 * Files in a folder (by default `data/files` beside the database): what a laptop install needs and
 * a single machine can back up with the database. Keys are Hearth's own; a key that would leave the
 * folder is refused all the same.
 */
export function diskBlobStore(root: string): BlobStore {
  const base = resolve(root);
  const pathOf = (key: string): string => {
    const path = resolve(join(base, key));
    if (!path.startsWith(base + sep)) throw new Error(`Not a storage key: ${key}`);
    return path;
  };
  return {
    async put(key, file) {
      const target = pathOf(key);
      await mkdir(dirname(target), { recursive: true });
      try {
        await rename(file.path, target).catch(async (error: NodeJS.ErrnoException) => {
          // Spooled on another file system: copied instead (the spool is removed by its owner).
          if (error.code !== 'EXDEV') throw error;
          await copyFile(file.path, target);
        });
      } catch (error) {
        throw mapStorageError(error);
      }
    },
    async read(key, range) {
      const path = pathOf(key);
      const info = await stat(path).catch(ignoreMissing);
      if (!info) return undefined;
      const body = createReadStream(path, range ? { start: range.start, end: range.end } : {});
      return { body, length: range ? range.end - range.start + 1 : info.size };
    },
    async remove(keys) {
      await Promise.all(keys.map((key) => unlink(pathOf(key)).catch(ignoreMissing)));
    },
  };
}
