import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { LocalFile } from '../core/files/ports.js';
import { mapStorageError } from '../blobs/storage-errors.js';

export class SpoolTooLarge extends Error {
  constructor() {
    super('The upload is larger than allowed');
    this.name = 'SpoolTooLarge';
  }
}

/**
 * Streams an upload to a file in `dir`, never holding it in memory, and stops (removing the part
 * written) as soon as it passes `maxBytes`.
 */
export async function spoolToFile(source: Readable, dir: string, maxBytes: number): Promise<LocalFile> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `upload-${randomUUID()}`);
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) done(new SpoolTooLarge());
      else done(null, chunk);
    },
  });
  try {
    await pipeline(source, counter, createWriteStream(path));
  } catch (error) {
    await unlink(path).catch(() => undefined);
    throw error instanceof SpoolTooLarge ? error : mapStorageError(error);
  }
  return { path, size, type: 'application/octet-stream' };
}

export async function removeLocal(files: ReadonlyArray<LocalFile | null>): Promise<void> {
  await Promise.all(files.map((file) => (file ? unlink(file.path).catch(() => undefined) : undefined)));
}
