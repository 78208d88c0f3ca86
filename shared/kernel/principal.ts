import * as z from 'zod';

/** The roles inside an agency (docs/api.md): what every agency's routes are written for. */
export const AGENCY_ROLES = ['officer', 'unit-head', 'reviewer', 'leader', 'admin', 'supervisor'] as const;
/**
 * Every role: the agency roles and the platform roles: `calendar-admin` (the province's justice
 * department keeps the national working-day calendar), `platform-admin` (creates agencies and
 * their first administrators, ORG-6; no route of an agency's cases, reviews, publications or
 * evidence admits it) and `enterprise` (INS-5: an inspected enterprise, signed in as itself). In
 * AWS they are Cognito groups or the external issuer's roles claim.
 */
export const ROLES = [...AGENCY_ROLES, 'calendar-admin', 'platform-admin', 'enterprise'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export interface Principal {
  sub: string;
  name: string;
  agencyId: string;
  unitId?: string;
  roles: Role[];
  /**
   * A supervisor's agencies (ORG-4): read-only statistics, overdue lists and annual data. From
   * the data (the agencies whose `supervisedBy` names the caller's body, `shared/http/supervisions.ts`),
   * never from a token's claims.
   */
  supervises?: string[];
  /** An enterprise's 统一社会信用代码 (INS-5): only an `enterprise` has it, and only that role. */
  creditCode?: string;
}

export interface ClaimNames {
  roles: string;
  agency: string;
  unit: string;
  creditCode?: string;
}

type ClaimValue = string | number | boolean | string[] | undefined;

/**
 * API Gateway's JWT authorizer hands array claims to Lambda as one string, `"[admin officer]"`;
 * the local runtime hands them over as arrays. Both, and comma-separated strings, are accepted.
 */
export function claimList(value: ClaimValue): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.map(String);
  const text = String(value).trim();
  const inner = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  return inner
    .split(/[\s,]+/)
    .map((part) => part.replace(/^"|"$/g, ''))
    .filter((part) => part.length > 0);
}

/**
 * The caller, from verified JWT claims; undefined when a claim the platform needs is missing. A
 * `supervises` claim is not read: which agencies a supervisor reads is the data's to say.
 */
export function principalFromClaims(
  claims: Record<string, ClaimValue> | undefined,
  names: ClaimNames,
): Principal | undefined {
  if (!claims) return undefined;
  const sub = claims.sub;
  const roleClaims = claimList(claims[names.roles]);
  const creditCode = claims[names.creditCode ?? 'creditCode'];
  // An enterprise belongs to no agency: its token carries its credit code, and it is nothing else.
  if (roleClaims.includes('enterprise')) {
    if (typeof sub !== 'string' || sub === '' || typeof creditCode !== 'string' || creditCode === '')
      return undefined;
    return {
      sub,
      name: typeof claims.name === 'string' ? claims.name : sub,
      agencyId: `enterprise:${creditCode}`,
      roles: ['enterprise'],
      creditCode,
    };
  }
  const agencyId = claims[names.agency];
  if (typeof sub !== 'string' || sub === '' || typeof agencyId !== 'string' || agencyId === '') {
    return undefined;
  }
  const unitId = claims[names.unit];
  const roles = roleClaims.filter((role): role is Role => Role.safeParse(role).success);
  return {
    sub,
    name: typeof claims.name === 'string' ? claims.name : sub,
    agencyId,
    ...(typeof unitId === 'string' && unitId !== '' ? { unitId } : {}),
    roles,
  };
}

/**
 * The agency an oversight request reads (ORG-4): the caller's own, or one a supervisor's body
 * supervises (`supervises`, from the data); any other is 403.
 */
export function overseenAgency(principal: Principal, requested: string | undefined): string | undefined {
  if (requested === undefined || requested === principal.agencyId) return principal.agencyId;
  if (principal.roles.includes('supervisor') && principal.supervises?.includes(requested)) return requested;
  return undefined;
}

export function hasAnyRole(principal: Principal, allowed: readonly Role[]): boolean {
  return principal.roles.some((role) => allowed.includes(role));
}
