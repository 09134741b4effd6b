export const sessionCookie = 'hearth_session';

/** Tokens are 43 base64url characters; anything much longer is not ours and is not hashed. */
const tokenMaxLength = 256;

/** Reads the session token from `Authorization: Bearer`; any other scheme or shape is no token. */
export function bearerToken(authorization: string | undefined): string | undefined {
  if (typeof authorization !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  return plausibleToken(match?.[1]);
}

/**
 * The session cookie's value. A value that is not valid percent-encoding is no token at all: the
 * client sent garbage, which is an unauthenticated request, not a server error.
 */
export function cookieToken(cookieHeader: string | undefined): string | undefined {
  if (typeof cookieHeader !== 'string') return undefined;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === sessionCookie) return plausibleToken(safeDecode(part.slice(eq + 1).trim()));
  }
  return undefined;
}

/** A token the client put in the handshake's `auth`: only a string in an object counts. */
export function handshakeToken(auth: unknown): string | undefined {
  if (typeof auth !== 'object' || auth === null || Array.isArray(auth) || !Object.hasOwn(auth, 'token')) return undefined;
  const token: unknown = (auth as { token: unknown }).token;
  return typeof token === 'string' ? plausibleToken(token) : undefined;
}

export function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

function plausibleToken(token: string | undefined): string | undefined {
  return token && token.length <= tokenMaxLength ? token : undefined;
}
