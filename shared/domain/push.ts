import { createHmac } from 'node:crypto';
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

/** Loopback, private, link-local (cloud metadata), carrier-grade NAT and unique-local addresses. */
export function isInternalAddress(address: string): boolean {
  const mapped = address.replace(/^::ffff:/i, '');
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(mapped);
  if (v4) {
    const [a = 0, b = 0] = v4.slice(1, 3).map(Number);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  const v6 = address.toLowerCase();
  return v6 === '::' || v6 === '::1' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6);
}

/**
 * Why a push target may not be used (ORG-2): only https, and never an internal host, which would
 * let an administrator make the platform call inside its own network (blind SSRF).
 */
export function pushTargetRefusal(url: string, allowPrivate: boolean): string | undefined {
  if (allowPrivate) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:') return '对接平台地址须使用 https';
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.internal') ||
    isInternalAddress(host)
  )
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
