import { accountsRoutes as routes } from '#functions/accounts/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { identityProvider } from '#shared/store/identity-provider.ts';
import { ports } from '#shared/store/repositories.ts';
import { updateAccount } from '#shared/use-cases/accounts.ts';

export const handler = httpHandler(routes.updateUser, async ({ params, body, principal }) => ({
  status: 200,
  body: await updateAccount({ ...ports, identity: await identityProvider() }, principal, params.userId, body),
}));
