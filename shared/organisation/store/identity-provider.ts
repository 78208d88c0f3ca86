import { config } from '#shared/config.ts';
import { documentClient } from '#shared/kernel/store/clients.ts';
import type { IdentityProvider } from '#shared/organisation/store/identity.ts';
import { LocalIdentity } from '#shared/organisation/store/local-identity.ts';
import { MappedIdentity } from '#shared/organisation/store/mapped-identity.ts';

let provider: IdentityProvider | undefined;

/**
 * This deployment's identity port, built once per cold start. Only the accounts functions use
 * it, so only their bundles load the Cognito client.
 */
export async function identityProvider(): Promise<IdentityProvider> {
  if (provider) return provider;
  const { IDENTITY_PROVIDER, USER_POOL_ID, MAIN_TABLE } = config();
  if (IDENTITY_PROVIDER === 'cognito') {
    if (!USER_POOL_ID) throw new Error('USER_POOL_ID is required with IDENTITY_PROVIDER=cognito');
    const { CognitoIdentityProviderClient } = await import('@aws-sdk/client-cognito-identity-provider');
    const { CognitoIdentity } = await import('#shared/organisation/store/cognito-identity.ts');
    provider = new CognitoIdentity(new CognitoIdentityProviderClient({}), USER_POOL_ID);
  } else if (IDENTITY_PROVIDER === 'oidc') {
    provider = new MappedIdentity();
  } else {
    provider = new LocalIdentity(documentClient, MAIN_TABLE);
  }
  return provider;
}
