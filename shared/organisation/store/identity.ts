import type { Role } from '#shared/kernel/principal.ts';

/**
 * A sign-in identity as the identity service keeps it (ORG-5): who may sign in, and the claims
 * their tokens carry (agency, unit, roles, the certificate acted under). The user cannot write
 * any of them.
 */
export interface Login {
  userId: string;
  agencyId: string;
  name: string;
  unitId?: string;
  /** An agency's staff roles, or `platform-admin` for the platform's own administrators (ORG-6). */
  roles: Role[];
  officerCertificateNo?: string;
  phone?: string;
  email?: string;
}

export interface StoredLogin extends Login {
  enabled: boolean;
}

/**
 * The identity port: Cognito in AWS (`cognito-identity.ts`), the local identity store on one
 * machine (`local-identity.ts`), and where the deployment names the province's OIDC platform,
 * nothing to create (`mapped-identity.ts`): its accounts are mapped, not made.
 * `test/contracts/identity.ts` holds every implementation to the same behaviour.
 */
export interface IdentityProvider {
  /** A new identity, enabled; a Conflict if the user id is taken. */
  create(login: Login): Promise<void>;
  /** Name, unit, certificate and roles as `after` says; roles not in it are taken away. */
  update(before: Login, after: Login): Promise<void>;
  /** The identity can no longer sign in, nor refresh its tokens. */
  disable(login: Login): Promise<void>;
  get(agencyId: string, userId: string): Promise<StoredLogin | undefined>;
}
