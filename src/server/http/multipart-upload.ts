import type { FastifyRequest } from 'fastify';
import { limits } from '../../contract/limits.js';
import { altTextSchema } from '../../contract/schemas.js';
import type { IncomingUpload } from '../core/files/ports.js';
import { storageFull, tooLarge, type Allowance } from '../core/files/upload-file.js';
import { DomainError } from '../core/shared/domain-error.js';
import { SpoolTooLarge, spoolToFile } from '../media/spool.js';
import { parse } from './parse.js';

/**
 * Reads a multipart body of one file (and, before it, an optional `alt` field) and streams the
 * file to the spool folder, stopping at the allowance. Returns what the upload use case needs.
 */
export async function receiveOneFile(
  request: FastifyRequest,
  spoolDir: string,
  allowance: Allowance,
  perFileMax: number,
): Promise<IncomingUpload> {
  if (!request.isMultipart()) throw new DomainError('BAD_REQUEST', 'Send the file as multipart/form-data, in a field named "file"');
  let part;
  try {
    part = await request.file({ limits: { fileSize: allowance.maxBytes + 1 } });
  } catch (error) {
    throw new DomainError('BAD_REQUEST', `The upload could not be read: ${(error as Error).message}`);
  }
  if (!part || part.fieldname !== 'file') throw new DomainError('BAD_REQUEST', 'Send the file in a field named "file"');
  const altField = part.fields.alt;
  const alt = altField && !Array.isArray(altField) && altField.type === 'field' ? parse(altTextSchema, String(altField.value)) : '';
  try {
    const file = await spoolToFile(part.file, spoolDir, allowance.maxBytes);
    if (part.file.truncated) throw new SpoolTooLarge();
    return { name: cleanFileName(part.filename), alt, file };
  } catch (error) {
    if (error instanceof SpoolTooLarge || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw allowance.byQuota ? storageFull() : tooLarge(perFileMax);
    }
    throw error;
  }
}

/** The name as shown and downloaded: no folders, no control characters, not too long. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const clean = base.replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return [...clean].slice(0, limits.fileNameMax).join('') || 'file';
}
