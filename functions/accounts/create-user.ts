import { accountsRoutes as routes } from '#functions/accounts/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { identityProvider } from '#shared/store/identity-provider.ts';
import { ports } from '#shared/store/repositories.ts';
import { createAccount } from '#shared/use-cases/accounts.ts';

export const handler = httpHandler(routes.createUser, async ({ body, principal }) => ({
  status: 201,
  body: await createAccount({ ...ports, identity: await identityProvider() }, principal, body),
}));
