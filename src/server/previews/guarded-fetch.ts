import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, fetch, type Response } from 'undici';
import { AddressRefused, isPublicAddress } from './address-guard.js';

export interface GuardOptions {
  /** Intranet installs: private addresses and any port are allowed (HEARTH_PREVIEW_PRIVATE=on). */
  allowPrivate: boolean;
  /** Which addresses count as public (tests widen it to one loopback address). */
  isPublic?: (address: string) => boolean;
  /** Ports a URL may name (80 and 443; tests add their servers'). */
  ports?: readonly number[];
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export interface FetchedBody {
  url: string;
  type: string;
  bytes: Buffer;
}

/**
 * Fetches a URL for a preview, guarded against reaching into the server's own network (SSRF):
 * only http(s) on ports 80 and 443; the host's addresses are checked after DNS resolution, in the
 * connection's own lookup (so the address checked is the one connected to: no rebinding between
 * check and use), and an address written in the URL is checked before anything; each redirect (at
 * most 3) is a new request checked the same way. The whole takes at most 5 s and 1 MB.
 */
export function guardedFetcher(options: GuardOptions) {
  const isPublic = options.isPublic ?? isPublicAddress;
  const allowed = (address: string) => options.allowPrivate || isPublic(address);
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      // Every address the name has must be public: a name may not mix one public and one internal address.
      const refused = addresses.find((a) => !allowed(a.address));
      if (refused || addresses.length === 0) return callback(new AddressRefused(`${hostname} is not a public address`), '', 0);
      if (lookupOptions.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
  const agent = new Agent({ connect: { lookup, timeout: options.timeoutMs ?? 5_000 } });
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 3;
  const ports = options.ports ?? [80, 443];

  function checkUrl(url: URL): void {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AddressRefused(`${url.protocol} is not http(s)`);
    if (url.username || url.password) throw new AddressRefused('a URL with credentials');
    const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
    if (!options.allowPrivate && !ports.includes(port)) throw new AddressRefused(`port ${port}`);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !allowed(host)) throw new AddressRefused(`${host} is not a public address`);
  }

  return {
    async fetch(href: string, accept: string): Promise<FetchedBody> {
      const signal = AbortSignal.timeout(options.timeoutMs ?? 5_000);
      let url = new URL(href);
      for (let hop = 0; ; hop++) {
        checkUrl(url);
        const response: Response = await fetch(url, {
          dispatcher: agent,
          redirect: 'manual',
          signal,
          headers: { accept, 'user-agent': 'HearthBot/1.0 (link preview)' },
        }).catch((error: unknown) => {
          // undici wraps the lookup's refusal in "fetch failed": the refusal is the reason.
          throw error instanceof Error && error.cause instanceof AddressRefused ? error.cause : error;
        });
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && location) {
          await response.body?.cancel();
          if (hop >= maxRedirects) throw new AddressRefused(`more than ${maxRedirects} redirects`);
          url = new URL(location, url);
          continue;
        }
        if (!response.ok) {
          await response.body?.cancel();
          throw new Error(`${url.href} answered ${response.status}`);
        }
        return { url: url.href, type: response.headers.get('content-type') ?? '', bytes: await readAtMost(response, maxBytes) };
      }
    },
    close: () => agent.close(),
  };
}

/** The body's first maxBytes (a page's head is near its start); the rest is never read. */
async function readAtMost(response: Response, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(Buffer.from(value));
    size += value.length;
    if (size >= maxBytes) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, maxBytes);
}
