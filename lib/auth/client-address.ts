import { BlockList, isIP } from "node:net";

/**
 * Which address a sign-in comes from, for throttling. The socket's peer address is the only
 * thing a client cannot choose; X-Forwarded-For is believed only as far as it was written by
 * proxies listed in TRUSTED_PROXIES (addresses or CIDR ranges). Walking the header from the
 * right, each hop that is itself a trusted proxy passes on to the one before it; the first hop
 * that is not trusted is the client. Anything further left was written by the client and is
 * ignored, so rotating the header gains nothing. Pure: no server imports.
 */

export type TrustedProxies = { list: BlockList; isEmpty: boolean };

/** One entry of TRUSTED_PROXIES is valid: an IPv4/IPv6 address or a CIDR range. */
export function isProxyEntry(entry: string): boolean {
  const [address, bits, extra] = entry.split("/");
  if (extra !== undefined || !address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  const prefix = Number(bits);
  return /^\d{1,3}$/.test(bits) && prefix <= (family === 4 ? 32 : 128);
}

/** Builds the matcher for TRUSTED_PROXIES' entries (validated by lib/env.ts). */
export function trustedProxies(entries: readonly string[]): TrustedProxies {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split("/") as [string, string | undefined];
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return { list, isEmpty: entries.length === 0 };
}

/** "::ffff:10.0.0.1" (an IPv4 client on a dual-stack socket) is 10.0.0.1. */
function normalise(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed);
  return mapped ? mapped[1]! : trimmed;
}

function isTrusted(address: string, proxies: TrustedProxies): boolean {
  if (proxies.isEmpty) return false;
  const family = isIP(address);
  return family !== 0 && proxies.list.check(address, family === 6 ? "ipv6" : "ipv4");
}

/** The client's address: the peer itself unless it is a trusted proxy (see the module comment). */
export function resolveClientAddress(peer: string, forwardedFor: string | null, proxies: TrustedProxies): string {
  let client = normalise(peer);
  if (!isTrusted(client, proxies)) return client.slice(0, 64);
  const hops = (forwardedFor ?? "").split(",").map(normalise).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    // a trusted proxy records the real address of whoever connected to it; something that is
    // not an address was written by the client, so the proxy that passed it on is the answer
    if (isIP(hop) === 0) break;
    client = hop;
    if (!isTrusted(hop, proxies)) break;
  }
  return client.slice(0, 64);
}
