import { accountsRoutes as routes } from '#functions/accounts/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { identityProvider } from '#shared/organisation/store/identity-provider.ts';
import { createAccount } from '#shared/organisation/use-cases/accounts.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.createUser, async ({ body, principal }) => ({
  status: 201,
  body: await createAccount({ ...ports, identity: await identityProvider() }, principal, body),
}));
