import { accountsRoutes as routes } from '#functions/accounts/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { identityProvider } from '#shared/store/identity-provider.ts';
import { ports } from '#shared/store/repositories.ts';
import { disableAccount } from '#shared/use-cases/accounts.ts';

export const handler = httpHandler(routes.disableUser, async ({ params, principal }) => ({
  status: 200,
  body: await disableAccount({ ...ports, identity: await identityProvider() }, principal, params.userId),
}));
