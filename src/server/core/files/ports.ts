import type { AttachmentKind } from '../../../contract/types.js';

/** What file use cases need: the records (FileStore), the bytes (BlobStore) and the media work. */

export interface FileRecord {
  id: string;
  roomId: string;
  uploaderId: string;
  /** null until the file is sent with a message: until then it is the uploader's alone. */
  messageId: string | null;
  name: string;
  type: string;
  kind: AttachmentKind;
  size: number;
  width: number | null;
  height: number | null;
  thumb: { width: number; height: number } | null;
  alt: string;
  storageKey: string;
  thumbKey: string | null;
  createdAt: string;
  deletedAt: string | null;
}

export interface FileStore {
  insertFile(file: Omit<FileRecord, 'messageId' | 'deletedAt'>): Promise<void>;
  findFile(id: string): Promise<FileRecord | undefined>;
  setAlt(id: string, alt: string): Promise<void>;
  /** Bytes the user's files take (deleted ones no longer count). */
  usageOf(userId: string): Promise<number>;
  /** Unsent files older than `before` are given up (marked deleted); returns how many. */
  abandonUnsent(before: string): Promise<number>;
  /** Files marked deleted, whose bytes are still to remove. */
  deletedFiles(limit: number): Promise<FileRecord[]>;
  /** Forgets the rows of files whose bytes are gone. */
  forgetFiles(ids: readonly string[]): Promise<void>;
}

/** A file of bytes waiting on this machine (spooled upload or made variant) to be stored. */
export interface LocalFile {
  path: string;
  size: number;
  type: string;
}

export interface BlobRead {
  body: AsyncIterable<Uint8Array>;
  /** Bytes in `body` (the range's, when one was asked). */
  length: number;
}

/** Where the bytes live: a folder on disk, or an S3 bucket. Keys are made by Hearth. */
export interface BlobStore {
  /** Stores the file under `key` (moving it when it can: the local file may be gone afterwards). */
  put(key: string, file: LocalFile): Promise<void>;
  /** The bytes, or a range of them (inclusive `end`); undefined when there are none. */
  read(key: string, range?: { start: number; end: number }): Promise<BlobRead | undefined>;
  /** Removes the keys; keys that are not there are no error. */
  remove(keys: readonly string[]): Promise<void>;
}

/** An upload as it arrived: a name, and its bytes spooled to this machine. */
export interface IncomingUpload {
  name: string;
  alt: string;
  file: LocalFile;
}

/** What the media work made of an upload: what it is, and the variants to store. */
export interface PreparedMedia {
  type: string;
  kind: AttachmentKind;
  width: number | null;
  height: number | null;
  /** The bytes to serve: an image re-encoded without metadata, anything else as it came. */
  original: LocalFile;
  thumb: (LocalFile & { width: number; height: number }) | null;
}

export interface MediaWork {
  /**
   * Sniffs the bytes and, for a picture, re-encodes it (upright, no metadata) and makes its
   * thumbnail. Refuses (DomainError) what the server does not take: a type on the refused list, a
   * picture too large to decode (a decompression bomb) or one that cannot be read.
   */
  prepare(upload: IncomingUpload): Promise<PreparedMedia>;
  /**
   * A profile picture: the square `crop` (in the upright picture's pixels; the centre when absent
   * or outside it) at each size, as WebP. Refuses anything but a picture.
   */
  prepareAvatar(file: LocalFile, crop: Crop | undefined, sizes: readonly number[]): Promise<Map<number, LocalFile>>;
  /** Removes the local files it and the upload made. */
  discard(...files: Array<LocalFile | null>): Promise<void>;
}

export interface Crop {
  x: number;
  y: number;
  size: number;
}
