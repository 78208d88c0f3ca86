import { createHmac } from 'node:crypto';
import { z } from 'zod';

/**
 * Outbound push (ORG-2): each publish and withdrawal is delivered to the agency's external platform
 * (e.g. the province's publicity platform), signed, retried with back-off, and parked as a dead
 * letter after MAX_ATTEMPTS, from where an administrator can replay it. Delivery never blocks or
 * undoes local publication: the delivery is written with the publication, and sent afterwards.
 */
export const PushTargetInput = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  secret: z.string().min(16).max(256),
});
export type PushTargetInput = z.infer<typeof PushTargetInput>;

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
