import { isIP } from 'node:net';

/** Nobody, a list of addresses and CIDRs, or a number of proxies in a row. */
export type ProxyTrust = false | string[] | { hops: number };

/** Fastify's `trustProxy`; a hop count becomes proxy-addr's own rule: trust the nearest `hops`. */
export function trustProxyOption(trust: ProxyTrust): false | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false || Array.isArray(trust)) return trust;
  return (_address, hop) => hop < trust.hops;
}

/**
 * HEARTH_TRUST_PROXY names the proxies in front of Hearth: `127.0.0.1,10.0.0.0/8` (addresses or
 * CIDRs) or a hop count (`1`). "true" (trust everything) is refused: with it, any client could put
 * any address in X-Forwarded-For and start every per-address limit afresh.
 */
export function parseProxyTrust(value: string | undefined): ProxyTrust {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false') return false;
  if (text === 'true') {
    throw new Error('HEARTH_TRUST_PROXY=true would let any client choose its address: name the proxies (addresses, CIDRs) or a hop count');
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops < 1 || hops > 10) throw new Error(`HEARTH_TRUST_PROXY as a hop count must be 1–10, got "${text}"`);
    return { hops };
  }
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (!isAddressOrCidr(entry)) throw new Error(`HEARTH_TRUST_PROXY: "${entry}" is not an IP address or CIDR`);
  }
  return entries;
}

function isAddressOrCidr(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  if (!/^\d+$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
