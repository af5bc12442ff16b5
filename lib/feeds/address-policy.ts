import ipaddr from "ipaddr.js";

/**
 * Which network addresses a feed may be fetched from. A URL an editor types is fetched by the
 * server, so without this rule it could reach the database, the cloud metadata service or an
 * admin port on the private network (server-side request forgery). Only public unicast
 * addresses are allowed, unless an operator lists private ones (FEED_PRIVATE_ADDRESS_ALLOWLIST)
 * for a wire bridge on the newsroom's own network.
 */

/** An allow-list entry: one address or a CIDR range, as parsed by ipaddr.js. */
export type AddressRange = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Parses "10.0.0.0/8, 127.0.0.1, ::1" into ranges; throws on an entry that is neither. */
export function parseAddressAllowList(value: string): AddressRange[] {
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      if (entry.includes("/")) return ipaddr.parseCIDR(entry);
      const address = ipaddr.parse(entry);
      return [address, address.kind() === "ipv4" ? 32 : 128] as AddressRange;
    });
}

/** True when every entry is an IP address or CIDR range (for the environment's validation). */
export function isAddressAllowList(value: string): boolean {
  try {
    parseAddressAllowList(value);
    return true;
  } catch {
    return false;
  }
}

/** An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as the IPv4 address it carries. */
function normalize(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (!ipaddr.isValid(address)) return null;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) return (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed;
}

/**
 * Why the address may not be fetched, or null when it may. Public means ipaddr.js's "unicast"
 * range: loopback, private, link-local (cloud metadata), unique-local, carrier-grade NAT,
 * multicast, reserved and unspecified addresses are all refused.
 */
export function addressRefusal(address: string, allowList: readonly AddressRange[]): string | null {
  const parsed = normalize(address);
  if (!parsed) return `${address} is not an IP address`;
  if (allowList.some(([base, bits]) => base.kind() === parsed.kind() && parsed.match(base, bits))) return null;
  const range = parsed.range();
  if (range === "unicast") return null;
  return `${address} is a ${range} address; the desk fetches feeds from public addresses only`;
}
