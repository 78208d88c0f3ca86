import type { App } from 'aws-cdk-lib';
import * as z from 'zod';

/**
 * The deployment settings, from CDK context (cdk.json or `-c`). Cognito is the default identity
 * provider; an agency in the AWS China (Beijing) region, which offers no Cognito user pools, points
 * the JWT authorizer at its province's unified identity platform instead (`provider: "oidc"`).
 */
const Identity = z.discriminatedUnion('provider', [
  z.object({
    provider: z.literal('cognito'),
    rolesClaim: z.string().default('cognito:groups'),
    agencyClaim: z.string().default('custom:agencyId'),
    unitClaim: z.string().default('custom:unitId'),
  }),
  z.object({
    provider: z.literal('oidc'),
    issuer: z.url(),
    audience: z.array(z.string().min(1)).min(1),
    /** The staff console's client at the platform (authorization code flow with PKCE); the first audience if absent. */
    consoleClientId: z.string().min(1).optional(),
    consoleScope: z.string().default('openid profile'),
    /** Origins other than the issuer's that the console calls to sign in (a token endpoint elsewhere). */
    consoleOrigins: z.array(z.url()).default([]),
    rolesClaim: z.string().default('roles'),
    agencyClaim: z.string().default('agencyId'),
    unitClaim: z.string().default('unitId'),
  }),
]);
export type Identity = z.infer<typeof Identity>;

const DeploymentContext = z.object({
  /** Default COMPLIANCE retention of AV evidence, in days. */
  evidenceRetentionDays: z.coerce.number().int().min(1).max(36500),
  identity: Identity,
  publicBaseUrl: z.url(),
});
export type DeploymentContext = z.infer<typeof DeploymentContext>;

export function readContext(app: App): DeploymentContext {
  const read = (key: string) => app.node.tryGetContext(key) as unknown;
  return DeploymentContext.parse({
    evidenceRetentionDays: read('evidenceRetentionDays'),
    identity: read('identity'),
    publicBaseUrl: read('publicBaseUrl'),
  });
}
