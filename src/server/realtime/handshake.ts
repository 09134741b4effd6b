import type { CoreDeps } from '../core/shared/deps.js';
import { userForToken } from '../core/accounts/sessions.js';
import { isOriginAllowed, type OriginPolicy } from '../transport/origin.js';
import { cookieToken, handshakeToken } from '../transport/session-token.js';
import type { HearthSocket } from './types.js';

type Next = (error?: Error) => void;
type RefusalCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'UNAVAILABLE';

/** The client sees the code and a sentence of ours, never an exception's text. */
export function refusal(code: RefusalCode, message: string): Error & { data: { code: RefusalCode } } {
  return Object.assign(new Error(message), { data: { code } });
}

/**
 * A socket needs a session: `auth: { token }` from bots and tests, or the browser's cookie. A
 * cookie travels with any cross-site WebSocket, so a cookie handshake must come from our origin.
 * Whatever the client sends, the outcome is `next()` or a refusal: nothing it sends can throw here.
 */
export function authenticateHandshake(deps: CoreDeps, policy: OriginPolicy, onFailure: (error: unknown) => void) {
  return (socket: HearthSocket, next: Next): void => {
    const { auth, headers } = socket.handshake;
    const explicit = typeof auth === 'object' && auth !== null && Object.hasOwn(auth, 'token');
    const fromCookie = explicit ? undefined : cookieToken(headers.cookie);
    if (fromCookie && !isOriginAllowed(headers.origin, headers.host, policy)) {
      return next(refusal('FORBIDDEN', 'Connections from this origin are not allowed'));
    }
    const token = explicit ? handshakeToken(auth) : fromCookie;
    if (!token) return next(refusal('UNAUTHENTICATED', 'Sign in first'));
    userForToken(deps, token).then(
      (user) => {
        if (!user) return next(refusal('UNAUTHENTICATED', 'The session has ended or is unknown'));
        socket.data.user = user;
        socket.data.tokenHash = deps.ids.hashToken(token);
        next();
      },
      (error: unknown) => {
        onFailure(error);
        next(refusal('UNAVAILABLE', 'The server is briefly unavailable; try again shortly'));
      },
    );
  };
}
