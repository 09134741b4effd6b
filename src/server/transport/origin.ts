/**
 * The Origin rule: a browser request that carries a session cookie must come from the server's own
 * origin (or a configured one), which defeats cross-site request forgery and cross-site WebSocket
 * hijacking. Requests without an Origin header come from non-browser clients and are let through.
 */
export interface OriginPolicy {
  publicUrl: string | undefined;
  allowedOrigins: readonly string[];
}

/**
 * With PUBLIC_URL set, the server's own origin is exactly its scheme, host and port; the Host
 * header (which a proxy may rewrite, and which says nothing of the scheme) is not consulted.
 * Without it (a laptop), the Origin's host and port must match the Host header.
 */
export function isOriginAllowed(origin: string | undefined, host: string | undefined, policy: OriginPolicy): boolean {
  if (!origin) return true;
  if (policy.allowedOrigins.includes(origin)) return true;
  const parsed = safeUrl(origin);
  if (parsed === undefined) return false;
  if (policy.publicUrl) return safeOrigin(policy.publicUrl) === parsed.origin;
  return host !== undefined && parsed.host === host.toLowerCase();
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
