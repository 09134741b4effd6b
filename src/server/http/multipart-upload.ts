import type { FastifyRequest } from 'fastify';
import { limits } from '../../contract/limits.js';
import type { LocalFile } from '../core/files/ports.js';
import { DomainError } from '../core/shared/domain-error.js';
import { SpoolTooLarge, spoolToFile } from '../media/spool.js';

export interface ReceivedFile {
  name: string;
  /** The text fields sent before the file. */
  fields: Record<string, string>;
  file: LocalFile;
}

/**
 * Reads a multipart body of one file (and, before it, a few text fields) and streams the file to
 * the spool folder, stopping at `maxBytes` with the error `tooLarge` gives.
 */
export async function receiveOneFile(
  request: FastifyRequest,
  spoolDir: string,
  maxBytes: number,
  tooLarge: () => DomainError,
): Promise<ReceivedFile> {
  if (!request.isMultipart()) throw new DomainError('BAD_REQUEST', 'Send the file as multipart/form-data, in a field named "file"');
  let part;
  try {
    part = await request.file({ limits: { fileSize: maxBytes + 1 } });
  } catch (error) {
    throw new DomainError('BAD_REQUEST', `The upload could not be read: ${(error as Error).message}`);
  }
  if (!part || part.fieldname !== 'file') throw new DomainError('BAD_REQUEST', 'Send the file in a field named "file"');
  const fields: Record<string, string> = {};
  for (const [name, field] of Object.entries(part.fields)) {
    if (field && !Array.isArray(field) && field.type === 'field') fields[name] = String(field.value);
  }
  // An error of the request's own stream is the client's (a body cut short, broken framing), not ours.
  let broken = false;
  part.file.once('error', () => (broken = true));
  try {
    const file = await spoolToFile(part.file, spoolDir, maxBytes);
    if (part.file.truncated) throw new SpoolTooLarge();
    return { name: cleanFileName(part.filename), fields, file };
  } catch (error) {
    if (error instanceof SpoolTooLarge || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    if (broken) throw new DomainError('BAD_REQUEST', 'The upload arrived broken or cut short: send it again');
    throw error;
  }
}

/** The name as shown and downloaded: no folders, no control characters, not too long. */
export function cleanFileName(name: string | undefined): string {
  // A part may come with no file name at all.
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const clean = base.replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return [...clean].slice(0, limits.fileNameMax).join('') || 'file';
}
