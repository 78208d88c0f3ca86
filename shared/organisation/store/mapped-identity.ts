import type { IdentityProvider, StoredLogin } from '#shared/organisation/store/identity.ts';

/**
 * The identity port where the deployment names the province's OIDC platform (`identity.provider:
 * "oidc"`): people sign in with the platform's accounts, which this platform neither creates nor
 * disables. An account here maps the platform's subject (the user id) to its agency, unit, roles
 * and certificate; disabling it refuses its tokens on every request (the revocation item), which
 * is all this platform can do to a login it does not own.
 */
export class MappedIdentity implements IdentityProvider {
  async create(): Promise<void> {}
  async update(): Promise<void> {}
  async disable(): Promise<void> {}
  async get(): Promise<StoredLogin | undefined> {
    return undefined;
  }
}
