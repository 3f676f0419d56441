/**
 * IP addresses and CIDR networks as Go's `net.ParseIP` / `net.ParseCIDR` accept them: dotted IPv4
 * without leading zeros, IPv6 with `::` and an optional trailing dotted IPv4, no zones.
 */

function parseIpv4(s: string): Uint8Array | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i]!;
    if (!/^[0-9]{1,3}$/.test(p) || (p.length > 1 && p[0] === '0')) return null;
    const n = Number(p);
    if (n > 255) return null;
    out[i] = n;
  }
  return out;
}

function parseIpv6(s: string): Uint8Array | null {
  const out = new Uint8Array(16);
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string): string[] => (part === '' ? [] : part.split(':'));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const words: number[] = [];
  const all = [...head, ...(halves.length === 2 ? ['::'] : []), ...tail];
  for (let i = 0; i < all.length; i++) {
    const g = all[i]!;
    if (g === '::') {
      words.push(-1);
      continue;
    }
    if (i === all.length - 1 && g.includes('.')) {
      const v4 = parseIpv4(g);
      if (v4 === null) return null;
      words.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      continue;
    }
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    words.push(parseInt(g, 16));
  }
  const gap = words.indexOf(-1);
  const count = words.length - (gap >= 0 ? 1 : 0);
  if (gap < 0 ? count !== 8 : count > 7) return null;
  const expanded = gap < 0 ? words : [...words.slice(0, gap), ...new Array<number>(8 - count).fill(0), ...words.slice(gap + 1)];
  expanded.forEach((w, i) => {
    out[2 * i] = w >> 8;
    out[2 * i + 1] = w & 0xff;
  });
  return out;
}

/** The address as 4 bytes (IPv4, including IPv4-mapped IPv6) or 16 bytes; null when invalid. */
export function parseIp(s: string): Uint8Array | null {
  if (s.includes(':')) {
    const v6 = parseIpv6(s);
    if (v6 === null) return null;
    const mapped = v6.subarray(0, 10).every((b) => b === 0) && v6[10] === 0xff && v6[11] === 0xff;
    return mapped ? v6.slice(12) : v6;
  }
  return parseIpv4(s);
}

/** A network: its address bytes (4 or 16) and prefix length in bits of that address. */
export interface IpNetwork {
  readonly bytes: Uint8Array;
  readonly bits: number;
}

/** Go `net.ParseCIDR`; null when `s` is not `address/prefix` with a prefix in range. */
export function parseCidr(s: string): IpNetwork | null {
  const slash = s.indexOf('/');
  if (slash < 0) return null;
  const addr = s.slice(0, slash);
  const prefix = s.slice(slash + 1);
  const ip = parseIp(addr);
  if (ip === null || !/^[0-9]+$/.test(prefix)) return null;
  const n = Number(prefix);
  const written = addr.includes(':') ? 128 : 32;
  if (n > written) return null;
  // An IPv4-mapped IPv6 network is matched as IPv4: its prefix counts from bit 96.
  const bits = ip.length === 4 && written === 128 ? Math.max(0, n - 96) : n;
  return { bytes: ip, bits };
}

/** Whether `ip` (from {@link parseIp}) lies in `net`. */
export function networkContains(net: IpNetwork, ip: Uint8Array): boolean {
  if (ip.length !== net.bytes.length) return false;
  let bits = net.bits;
  for (let i = 0; i < ip.length && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((ip[i]! & mask) !== (net.bytes[i]! & mask)) return false;
  }
  return true;
}
