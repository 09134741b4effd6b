/**
 * The Origin rule: a browser request that carries a session cookie must come from the server's own
 * origin (or a configured one), which defeats cross-site request forgery and cross-site WebSocket
 * hijacking. Requests without an Origin header come from non-browser clients and are let through.
 */
export interface OriginPolicy {
  publicUrl: string | undefined;
  allowedOrigins: readonly string[];
}

export function isOriginAllowed(origin: string | undefined, host: string | undefined, policy: OriginPolicy): boolean {
  if (!origin) return true;
  if (policy.allowedOrigins.includes(origin)) return true;
  if (policy.publicUrl && safeOrigin(policy.publicUrl) === origin) return true;
  const parsed = safeUrl(origin);
  return parsed !== undefined && host !== undefined && parsed.host === host.toLowerCase();
}

function safeUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function safeOrigin(value: string): string | undefined {
  return safeUrl(value)?.origin;
}
