import { BlockList, isIP } from 'node:net';

/**
 * Which X-Forwarded-For entries are believed (TRUST_PROXY). "Trust every X-Forwarded-For" is not an
 * option: with it any client chooses its own address by sending the header, and an address feeds
 * fraud signals and rate limits. Either the proxies' own addresses are named (the safe choice: only
 * a peer on that list may speak for the client), or their number: the last `hops` entries, as added
 * by that many proxies in front of the server. A hop count believes whoever connects directly, so
 * the server must then be reachable only through the proxies.
 */
export type TrustProxy = false | { hops: number } | { addresses: readonly string[] };

export const MAX_PROXY_HOPS = 10;

/** Address ranges that may be named instead of spelled out (as in Express and Fastify). */
const NAMED_RANGES: Record<string, readonly string[]> = {
  loopback: ['127.0.0.1/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/**
 * Reads the setting: `off` (also 0, false, empty), a hop count 1..10 (`on`/`true` mean 1), or a
 * comma-separated list of addresses, CIDR ranges and the names above. Null when it is none of these.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy | null {
  const value = (raw ?? '').trim().toLowerCase();
  if (['', 'off', 'false', '0'].includes(value)) return false;
  if (value === 'on' || value === 'true') return { hops: 1 };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops >= 1 && hops <= MAX_PROXY_HOPS ? { hops } : null;
  }
  const addresses = value.split(',').map((entry) => entry.trim());
  return addresses.every(isAddressEntry) ? { addresses } : null;
}

function isAddressEntry(entry: string): boolean {
  if (entry in NAMED_RANGES) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Whether the `hop`-th address from the server (0 = the connected peer) is a proxy to believe. */
export type TrustFunction = (address: string, hop: number) => boolean;

export function trustFunction(setting: TrustProxy): TrustFunction {
  if (setting === false) return () => false;
  if ('hops' in setting) {
    const { hops } = setting;
    return (_address, hop) => hop < hops;
  }
  const list = new BlockList();
  for (const entry of setting.addresses.flatMap((e) => NAMED_RANGES[e] ?? [e])) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return (address) => {
    const family = isIP(address);
    return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
  };
}

/**
 * The client's address: walk from the connected peer back through X-Forwarded-For (nearest entry
 * first) while each address is a trusted proxy; the first untrusted one is the client. This is what
 * Fastify does with a trust function, for code that answers before Fastify (the cached redirect).
 */
export function clientAddress(
  trust: TrustFunction,
  remoteAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
): string {
  let address = remoteAddress ?? '';
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const forwarded = header
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .reverse();
  for (let hop = 0; hop < forwarded.length && trust(address, hop); hop++) {
    address = forwarded[hop] as string;
  }
  return address;
}

/** X-Forwarded-Proto counts only from a trusted peer; its last entry, as Fastify reads it. */
export function forwardedProto(
  trust: TrustFunction,
  remoteAddress: string | undefined,
  header: string | string[] | undefined,
): string | undefined {
  const value = Array.isArray(header) ? header.at(-1) : header;
  if (!value || !trust(remoteAddress ?? '', 0)) return undefined;
  return value.split(',').at(-1)?.trim() || undefined;
}
