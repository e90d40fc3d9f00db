/**
 * IPv4 address and CIDR arithmetic for the networking sim (ipBlock peers, routes, podCIDRs).
 * The sim's cluster is IPv4-only; IPv6 CIDRs are recognised (so validation accepts them, as
 * kube-apiserver does) but never contain an IPv4 address.
 */

export interface Cidr {
  family: 4 | 6;
  /** Network address as an unsigned 32-bit number (IPv4 only; 0 for IPv6). */
  base: number;
  bits: number;
  /** True when the address had bits set beyond the prefix (`10.0.0.1/8`): legal, but sloppy. */
  hostBitsSet: boolean;
}

export function parseIPv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const part = m[i] as string;
    const octet = Number(part);
    if (octet > 255 || (part.length > 1 && part.startsWith('0'))) return undefined;
    n = n * 256 + octet;
  }
  return n;
}

export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

function maskOf(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

const IPV6 = /^[0-9a-fA-F:]+(:\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})?$/;

function looksLikeIPv6(text: string): boolean {
  if (!text.includes(':') || !IPV6.test(text)) return false;
  const doubles = text.split('::').length - 1;
  if (doubles > 1) return false;
  const groups = text.split(':').filter((g) => g !== '');
  return groups.every((g) => g.includes('.') || g.length <= 4) && (doubles === 1 ? groups.length < 8 : groups.length === 8);
}

/** `10.244.0.0/16` → its network; undefined when it is not a CIDR (Go's net.ParseCIDR rules). */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const addr = text.slice(0, slash);
  const bitsText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bitsText)) return undefined;
  const bits = Number(bitsText);
  const v4 = parseIPv4(addr);
  if (v4 !== undefined) {
    if (bits > 32) return undefined;
    const base = (v4 & maskOf(bits)) >>> 0;
    return { family: 4, base, bits, hostBitsSet: base !== v4 };
  }
  if (looksLikeIPv6(addr) && bits <= 128) return { family: 6, base: 0, bits, hostBitsSet: false };
  return undefined;
}

export function isIP(text: string): boolean {
  return parseIPv4(text) !== undefined || looksLikeIPv6(text);
}

export function cidrContainsIP(cidr: Cidr, ip: string): boolean {
  const n = parseIPv4(ip);
  if (cidr.family !== 4 || n === undefined) return false;
  return ((n & maskOf(cidr.bits)) >>> 0) === cidr.base;
}

/** Whether `inner` lies inside `outer` and is strictly smaller (kube-apiserver's ipBlock except rule). */
export function isStrictSubset(inner: Cidr, outer: Cidr): boolean {
  if (inner.family !== outer.family) return false;
  if (inner.bits <= outer.bits) return false;
  if (inner.family === 6) return true;
  return ((inner.base & maskOf(outer.bits)) >>> 0) === outer.base;
}

export function formatCidr(c: Cidr): string {
  return `${formatIPv4(c.base)}/${c.bits}`;
}
