import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply, FastifyRequest } from 'fastify';
import rangeParser from 'range-parser';
import type { BlobStore } from '../core/files/ports.js';
import { notFound } from '../core/shared/domain-error.js';

export interface BlobToSend {
  key: string;
  /** Known size: range requests are answered (seeking in a video); without it the whole is sent. */
  size?: number;
  type: string;
  name: string;
  /** Shown in the page (pictures, video, audio); anything else only ever downloads. */
  inline: boolean;
  /** Bytes that never change at this address may be kept by the browser for good. */
  immutable?: boolean;
}

/**
 * An uploaded file can hold anything (an HTML page named .png, an SVG with script): it is sent
 * with the type Hearth sniffed, never sniffed again by the browser, and in a sandbox with no
 * sources, so opened on its own it runs nothing as this origin.
 */
const fileSecurityHeaders = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
  'cross-origin-resource-policy': 'same-origin',
  // Checked on every request; a browser may keep it a while, the browser of someone who could see it.
  'cache-control': 'private, max-age=3600',
};

export async function sendBlob(blobs: BlobStore, request: FastifyRequest, reply: FastifyReply, blob: BlobToSend) {
  const range = blob.size === undefined ? undefined : wantedRange(request.headers.range, blob.size);
  if (range === 'unsatisfiable') {
    return reply
      .status(416)
      .headers({ ...fileSecurityHeaders, 'content-range': `bytes */${blob.size}` })
      .send();
  }
  const read = await blobs.read(blob.key, range);
  if (!read) throw notFound('File');
  reply.headers({
    ...fileSecurityHeaders,
    'content-type': blob.type,
    'content-length': read.length,
    'content-disposition': contentDisposition(blob.name, { type: blob.inline ? 'inline' : 'attachment' }),
    ...(blob.size === undefined ? {} : { 'accept-ranges': 'bytes' }),
    ...(blob.immutable ? { 'cache-control': 'private, max-age=31536000, immutable' } : {}),
  });
  if (range) reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${blob.size}`);
  return reply.send(read.body);
}

/** One byte range of the Range header, by range-parser; several, or a malformed one, get the whole file. */
function wantedRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const ranges = rangeParser(size, header, { combine: true });
  if (ranges === -1) return 'unsatisfiable';
  if (ranges === -2 || ranges.type !== 'bytes' || ranges.length !== 1) return undefined;
  return ranges[0];
}
