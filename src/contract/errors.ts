/** Stable error codes of the wire protocol, with the HTTP status each one maps to. */
export const errorStatus = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  /** A block stands between the two people (either way): no direct conversation. */
  BLOCKED: 403,
  /** The person takes direct messages only from people they share a room with. */
  DIRECT_RESTRICTED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  /** An upload's bytes are of a kind this server refuses, or a picture that cannot be read. */
  UNSUPPORTED_MEDIA: 415,
  /** The uploader's quota, or the server's storage, is full. */
  STORAGE_FULL: 507,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
  retryAfterMs?: number;
}

export type Ack<T extends object> = ({ ok: true } & T) | { ok: false; error: ErrorBody };
