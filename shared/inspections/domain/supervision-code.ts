import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An enterprise's supervision-code key (INS-4, 涉企行政检查监管码): a secret of the platform's own,
 * one per enterprise, and the code's version. Renewing makes a new key and version, so every code
 * printed before is refused.
 */
export interface SupervisionKey {
  creditCode: string;
  version: number;
  /** 32 random bytes, base64url: never leaves the store but as a MAC. */
  secret: string;
  issuedAt: string;
}

const PREFIX = 'JGM1';

export function newSupervisionKey(
  creditCode: string,
  previous: SupervisionKey | undefined,
  at: Date,
): SupervisionKey {
  return {
    creditCode,
    version: (previous?.version ?? 0) + 1,
    secret: randomBytes(32).toString('base64url'),
    issuedAt: at.toISOString(),
  };
}

const mac = (key: SupervisionKey) =>
  createHmac('sha256', Buffer.from(key.secret, 'base64url'))
    .update(`${key.creditCode}.${key.version}`)
    .digest('base64url')
    .slice(0, 27);

/** The code the enterprise shows, the text of its QR: `JGM1.{creditCode}.{version}.{HMAC}`. */
export function supervisionCode(key: SupervisionKey): string {
  return `${PREFIX}.${key.creditCode}.${key.version}.${mac(key)}`;
}

/** The credit code a scanned code claims, before it is checked against that enterprise's key. */
export function claimedCreditCode(code: string): string | undefined {
  const [prefix, creditCode] = code.trim().split('.');
  return prefix === PREFIX ? creditCode : undefined;
}

/** Whether `code` is the enterprise's current code: its credit code, version and MAC. */
export function isCurrentCode(code: string, key: SupervisionKey): boolean {
  const expected = Buffer.from(supervisionCode(key));
  const given = Buffer.from(code.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
