import { BlockList, isIP } from 'node:net';

/*
 * Which client sent a request. Forwarded headers (X-Forwarded-For/-Host/-Proto) are set by
 * whoever talks to us, so they are believed only when the socket peer is a configured
 * trusted proxy (TRUSTED_PROXIES); otherwise the socket address is the client and the
 * forwarded headers are dropped. Pure: no environment, no Next.
 */

/** A parsed TRUSTED_PROXIES list; `null` means "trust no forwarded header". */
export type TrustedProxies = { list: BlockList; entries: string[] } | null;

/** Maps "::ffff:10.0.0.1" to "10.0.0.1" so one address has one spelling. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, '$1');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return (mapped?.[1] ?? trimmed).toLowerCase();
}

/**
 * Parses "127.0.0.1, 10.0.0.0/8, ::1" (addresses and CIDR ranges). Throws with the bad
 * entry named, so a typo fails at start-up rather than silently trusting nothing.
 */
export function parseTrustedProxies(raw: string | undefined): TrustedProxies {
  const entries = (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address);
    if (family === 0) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) {
      list.addAddress(normalizeAddress(address), type);
      continue;
    }
    const bits = Number(prefix);
    if (!Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" has an invalid prefix length`);
    }
    list.addSubnet(normalizeAddress(address), bits, type);
  }
  return { list, entries };
}

function isTrusted(trusted: TrustedProxies, address: string): boolean {
  const family = isIP(address);
  if (!trusted || family === 0) return false;
  return trusted.list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const first = value?.split(',')[0]?.trim();
  return first ? first : undefined;
}

export type ResolvedClient = {
  /** The client's address, or null when the socket has none (a closed socket). */
  ip: string | null;
  /** Host and protocol reported by a trusted proxy; undefined otherwise. */
  forwardedHost?: string;
  forwardedProto?: 'http' | 'https';
  /** True when the socket peer is a trusted proxy. */
  viaTrustedProxy: boolean;
};

const HOST_PATTERN = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/**
 * Resolves the client of one request. Walking X-Forwarded-For from the right, every hop
 * added by a trusted proxy is skipped; the first untrusted hop is the client. A hop that is
 * not an IP address ends the walk at the proxy that reported it.
 */
export function resolveClient({
  socketAddress,
  headers,
  trusted,
}: {
  socketAddress: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  trusted: TrustedProxies;
}): ResolvedClient {
  const peer = socketAddress ? normalizeAddress(socketAddress) : null;
  if (!peer || !isTrusted(trusted, peer)) return { ip: peer, viaTrustedProxy: false };
  const raw = headers['x-forwarded-for'];
  const hops = (Array.isArray(raw) ? raw.join(',') : (raw ?? ''))
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = normalizeAddress(hops[i] ?? '');
    if (isIP(hop) === 0) break;
    client = hop;
    if (!isTrusted(trusted, hop)) break;
  }
  const host = firstValue(headers['x-forwarded-host']);
  const proto = firstValue(headers['x-forwarded-proto'])?.toLowerCase();
  return {
    ip: client,
    forwardedHost: host && HOST_PATTERN.test(host) ? host : undefined,
    forwardedProto: proto === 'https' || proto === 'http' ? proto : undefined,
    viaTrustedProxy: true,
  };
}

/** Request headers the server strips before the app sees them (only resolved values stay). */
export const FORWARDING_HEADERS = [
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'forwarded',
  'x-real-ip',
] as const;

/** The header in which the server hands the resolved client address to the app. */
export const CLIENT_IP_HEADER = 'x-mesh-dojo-client-ip';
