import type { CoreDeps } from '../core/deps.js';
import { userForToken } from '../core/sessions.js';
import { isOriginAllowed, type OriginPolicy } from '../edge/origin.js';
import { cookieToken } from '../edge/session-token.js';
import type { HearthSocket } from './types.js';

type Next = (error?: Error) => void;

function refuse(next: Next, code: 'UNAUTHENTICATED' | 'FORBIDDEN', message: string): void {
  const error = new Error(message) as Error & { data: { code: string } };
  error.data = { code };
  next(error);
}

/**
 * A socket needs a session: `auth: { token }` from bots and tests, or the browser's cookie. A
 * cookie travels with any cross-site WebSocket, so a cookie handshake must come from our origin.
 */
export function authenticateHandshake(deps: CoreDeps, policy: OriginPolicy) {
  return (socket: HearthSocket, next: Next): void => {
    const auth: unknown = socket.handshake.auth;
    const explicit = typeof auth === 'object' && auth !== null && 'token' in auth ? auth.token : undefined;
    const headers = socket.handshake.headers;
    const fromCookie = explicit === undefined ? cookieToken(headers.cookie) : undefined;
    if (fromCookie && !isOriginAllowed(headers.origin, headers.host, policy)) {
      return refuse(next, 'FORBIDDEN', 'Connections from this origin are not allowed');
    }
    const token = typeof explicit === 'string' ? explicit : fromCookie;
    if (!token) return refuse(next, 'UNAUTHENTICATED', 'Sign in first');
    userForToken(deps, token).then(
      (user) => {
        if (!user) return refuse(next, 'UNAUTHENTICATED', 'The session has ended or is unknown');
        socket.data.user = user;
        socket.data.tokenHash = deps.ids.hashToken(token);
        next();
      },
      (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
    );
  };
}
