/**
 * The unique key a failed insert collided with, or undefined for any other error. PostgreSQL
 * names the constraint (our names spell out their columns); SQLite names the columns.
 */
export function violatedUniqueKey(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, constraint, message } = error as { code?: unknown; constraint?: unknown; message?: unknown };
  if (code === '23505' && typeof constraint === 'string') return constraint;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return typeof message === 'string' ? message.replace(/^UNIQUE constraint failed: /, '') : '';
  }
  return undefined;
}
