import { createHmac } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import * as z from 'zod';

/**
 * Outbound push (ORG-2): each publish and withdrawal is delivered to the agency's external platform
 * (e.g. the province's publicity platform), signed, retried with back-off, and parked as a dead
 * letter after MAX_ATTEMPTS, from where an administrator can replay it. Delivery never blocks or
 * undoes local publication: the delivery is written with the publication, and sent afterwards.
 */
export const PushTargetInput = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  secret: z.string().min(16).max(256),
  /** How long one delivery may wait for the platform's answer (default 5, at most 10). */
  timeoutSeconds: z.number().int().min(1).max(10).optional(),
});
export type PushTargetInput = z.infer<typeof PushTargetInput>;

/**
 * Whether an address is anything but a global unicast one (ipaddr.js's ranges): loopback,
 * private, link-local (cloud metadata), carrier-grade NAT, unique-local, multicast, reserved and
 * documentation ranges. An IPv6 address that carries an IPv4 one (IPv4-mapped `::ffff:7f00:1`,
 * RFC 6145, NAT64 `64:ff9b::7f00:1`) is judged by the IPv4 address it reaches; 6to4, Teredo and
 * local-use NAT64 (`64:ff9b:1::/48`), whose IPv4 end cannot be read off, are refused. Not an
 * address at all: refused (fail closed).
 */
export function isInternalAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return true;
  const parsed = ipaddr.parse(bare);
  if (parsed.kind() === 'ipv4') return parsed.range() !== 'unicast';
  const v6 = parsed as ipaddr.IPv6;
  const range = v6.range();
  if (range === 'unicast') return false;
  const [high = 0, low = 0] = v6.parts.slice(6);
  const wellKnownNat64 = v6.match(ipaddr.IPv6.parse('64:ff9b::'), 96);
  if (range === 'ipv4Mapped' || range === 'rfc6145' || wellKnownNat64)
    return isInternalAddress(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  return true;
}

/** Host names that stand for this machine or its network, with or without the trailing dot. */
const INTERNAL_NAME = /(^|\.)(localhost|internal|local|localdomain|home\.arpa)$/;

/**
 * Why a push target may not be used (ORG-2): only https, and never an internal host, which would
 * let an administrator make the platform call inside its own network (blind SSRF). The URL is read
 * by the WHATWG parser, as the request will be (`0x7f.1` is 127.0.0.1, `[::ffff:127.0.0.1]` is
 * `[::ffff:7f00:1]`); a name is checked here, its addresses where it is resolved (`permittedAddresses`).
 */
export function pushTargetRefusal(url: string, allowPrivate: boolean): string | undefined {
  if (allowPrivate) return undefined;
  const parsed = URL.parse(url);
  if (!parsed) return '对接平台地址格式不正确';
  if (parsed.protocol !== 'https:') return '对接平台地址须使用 https';
  const host = parsed.hostname.toLowerCase();
  const name = host.replace(/\.+$/, '');
  const literal = host.startsWith('[') || /^[\d.]+$/.test(name);
  if (literal ? isInternalAddress(host) : name === '' || INTERNAL_NAME.test(name))
    return '对接平台地址不能是内网或本机地址';
  return undefined;
}

export const MAX_ATTEMPTS = 5;

export interface Delivery {
  id: string;
  agencyId: string;
  event: 'publication.published' | 'publication.withdrawn';
  publicationId: string;
  payload: Record<string, unknown>;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  nextAttemptAt: string;
  lastError?: string;
  deliveredAt?: string;
  createdAt: string;
}

/** Back-off: 1, 2, 4, 8 ... minutes after each failed attempt. */
export function nextAttempt(now: Date, attempts: number): string {
  return new Date(now.getTime() + 2 ** Math.max(0, attempts - 1) * 60_000).toISOString();
}

/** `x-platform-signature: sha256=<hex HMAC of "timestamp.body">`, so the receiver can check both. */
export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
