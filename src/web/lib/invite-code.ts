/** Accepts the bare code or a whole invite link pasted in. */
export function codeFrom(input: string): string {
  const link = /\/join\/([^/?#\s]+)/.exec(input);
  return (link?.[1] ?? input).trim();
}
