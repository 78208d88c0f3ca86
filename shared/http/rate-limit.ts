import { DomainError } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';

/** Too many: the caller's tenant (or, anonymous, their address) has used its share for now. */
export class TooManyRequests extends DomainError {
  constructor(retryAfterSeconds: number) {
    super('too-many', 'RATE_LIMITED', '请求过于频繁，请稍后再试', [], { retryAfterSeconds });
  }
}

/**
 * Token buckets in this function instance's memory, one per key: `rate` tokens a second up to
 * `burst`. Nothing is read or written elsewhere, so the limit costs no request anything; it holds
 * per instance, and the stage's and routes' throttles hold for all of them together.
 */
export class TokenBuckets {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #rate: number;
  readonly #burst: number;
  readonly #now: () => number;
  readonly #maxKeys: number;

  constructor(rate: number, burst: number, now: () => number = Date.now, maxKeys = 10_000) {
    this.#rate = rate;
    this.#burst = burst;
    this.#now = now;
    this.#maxKeys = maxKeys;
  }

  /** Takes a token for `key`: 0 when there was one, otherwise the seconds until there is. */
  take(key: string): number {
    const now = this.#now();
    const bucket = this.#buckets.get(key) ?? { tokens: this.#burst, at: now };
    const tokens = Math.min(this.#burst, bucket.tokens + ((now - bucket.at) / 1000) * this.#rate);
    // Map order is insertion order: re-inserting keeps the most recent keys, the oldest go first.
    this.#buckets.delete(key);
    if (this.#buckets.size >= this.#maxKeys) {
      const oldest = this.#buckets.keys().next().value;
      if (oldest !== undefined) this.#buckets.delete(oldest);
    }
    if (tokens < 1) {
      this.#buckets.set(key, { tokens, at: now });
      return Math.ceil((1 - tokens) / this.#rate);
    }
    this.#buckets.set(key, { tokens: tokens - 1, at: now });
    return 0;
  }
}

/** Whose share a request uses: a staff member's agency; an anonymous caller's own address. */
export function rateKey(principal: Principal | undefined, sourceIp: string | undefined): string {
  return principal ? `agency:${principal.agencyId}` : `address:${sourceIp ?? '-'}`;
}
