import { DomainError } from '../core/shared/domain-error.js';

const full = new Set(['ENOSPC', 'EDQUOT']);

/** A full disk is the person's answer "storage full", not an internal error. */
export function mapStorageError(error: unknown): unknown {
  if (error && typeof error === 'object' && 'code' in error && full.has(String(error.code))) {
    return new DomainError('STORAGE_FULL', 'The server has no room left for files: tell the administrator');
  }
  return error;
}

export function ignoreMissing(error: NodeJS.ErrnoException): undefined {
  if (error.code === 'ENOENT') return undefined;
  throw error;
}
