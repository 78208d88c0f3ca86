import { jwtVerify, SignJWT } from 'jose';
import * as z from 'zod';
import { CreditCode } from '#shared/inspections/domain/inspection.ts';
import { Role } from '#shared/kernel/principal.ts';

/** `POST /dev/token`: the claims docs/api.md names. */
export const DevTokenRequest = z
  .strictObject({
    sub: z.string().trim().min(1).max(128),
    name: z.string().trim().min(1).max(100),
    agencyId: z.string().trim().min(1).max(64).optional(),
    unitId: z.string().trim().min(1).max(64).optional(),
    roles: z.array(Role).max(7),
    /**
     * Taken, as docs/api.md names it, and signed into the token; it grants nothing: a supervisor's
     * agencies are those whose `supervisedBy` names its body (ORG-4), from the data.
     */
    supervises: z.array(z.string().trim().min(1).max(64)).max(500).optional(),
    /** An enterprise's 统一社会信用代码 (INS-5): the token of the role `enterprise`, which has no agency. */
    creditCode: CreditCode.optional(),
  })
  .refine((claims) => claims.agencyId !== undefined || claims.creditCode !== undefined, {
    path: ['agencyId'],
    error: '请填写机关代码',
  })
  .refine((claims) => claims.roles.includes('enterprise') === (claims.creditCode !== undefined), {
    path: ['creditCode'],
    error: '企业账号须填写统一社会信用代码，且只有企业账号填写',
  });
export type DevTokenRequest = z.infer<typeof DevTokenRequest>;

const issuer = 'urn:enforcement-platform:local';
const audience = 'enforcement-platform';

/** Signs and verifies the local runtime's tokens; in AWS, Cognito or the OIDC issuer does this. */
export class DevTokenIssuer {
  readonly #key: Uint8Array;

  constructor(secret: string) {
    this.#key = new TextEncoder().encode(secret);
  }

  async issue(claims: DevTokenRequest): Promise<string> {
    return new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('12h')
      .sign(this.#key);
  }

  /** The verified claims, or undefined for a missing, forged or expired token. */
  async verify(token: string): Promise<Record<string, unknown> | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.#key, { issuer, audience, algorithms: ['HS256'] });
      return payload as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }
}
