import type { ZodMiniType as ZodType } from 'zod/mini';

/** A problem with what was typed, found before asking the server. */
export class InputError extends Error {}

/** Parses form input with a contract schema; throws the schema's own first sentence. */
export function check<T>(schema: ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new InputError(parsed.error.issues[0]?.message ?? 'Check what you typed');
}

/** Throws `sentence` when a required field is blank (the schemas' own words are for lengths). */
export function required(value: string, sentence: string): void {
  if (value.trim() === '') throw new InputError(sentence);
}
