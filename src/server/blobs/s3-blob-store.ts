import { createReadStream } from 'node:fs';
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import type { BlobStore } from '../core/files/ports.js';
import { mapStorageError } from './storage-errors.js';

export interface S3Settings {
  bucket: string;
  /** An S3-compatible service's address (MinIO, s3rver…); AWS's own when undefined. */
  endpoint: string | undefined;
  region: string;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  /** bucket in the path (MinIO and most self-hosted services) rather than in the host name. */
  forcePathStyle: boolean;
  /** Prefix of every key, so several installations can share a bucket. */
  prefix: string;
}

/** Files in an S3-compatible bucket: what several processes or machines share. */
export function s3BlobStore(settings: S3Settings): BlobStore & { close(): void } {
  const client = new S3Client({
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    // Checksums only where S3 demands them: services other than AWS (s3rver, older MinIO) do not
    // understand the SDK's default aws-chunked uploads with trailing checksums.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.accessKeyId && settings.secretAccessKey
      ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } }
      : {}),
  });
  const Bucket = settings.bucket;
  const keyOf = (key: string) => settings.prefix + key;
  return {
    async put(key, file) {
      const Body = createReadStream(file.path);
      try {
        await client.send(new PutObjectCommand({ Bucket, Key: keyOf(key), Body, ContentLength: file.size, ContentType: file.type }));
      } catch (error) {
        throw mapStorageError(error);
      } finally {
        Body.destroy();
      }
    },
    async read(key, range) {
      try {
        const answer = await client.send(
          new GetObjectCommand({ Bucket, Key: keyOf(key), ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }),
        );
        if (!answer.Body) return undefined;
        // In Node.js the SDK's body is the response stream itself.
        return { body: answer.Body as Readable, length: answer.ContentLength ?? 0 };
      } catch (error) {
        if (error instanceof NoSuchKey || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)) return undefined;
        throw error;
      }
    },
    async remove(keys) {
      // One request per key: DeleteObjects needs a Content-MD5 that not every S3-compatible service accepts.
      await Promise.all(keys.map((key) => client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(key) }))));
    },
    close: () => client.destroy(),
  };
}
