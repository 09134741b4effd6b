import ipaddr from 'ipaddr.js';

/**
 * Whether the server may connect to an address for a link preview: only a public unicast one.
 * Loopback, private, link-local (the cloud metadata service at 169.254.169.254), carrier-grade
 * NAT, multicast, reserved and unspecified ranges are refused, in IPv4 and IPv6; an IPv4 address
 * written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is, and the IPv6 forms that
 * carry an IPv4 address to somewhere else (6to4, Teredo, NAT64) are refused outright.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === 'unicast';
}

export class AddressRefused extends Error {
  constructor(what: string) {
    super(`Not fetched: ${what}`);
    this.name = 'AddressRefused';
  }
}
