import { accountsRoutes as routes } from '#functions/accounts/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { identityProvider } from '#shared/organisation/store/identity-provider.ts';
import { updateAccount } from '#shared/organisation/use-cases/accounts.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.updateUser, async ({ params, body, principal }) => ({
  status: 200,
  body: await updateAccount({ ...ports, identity: await identityProvider() }, principal, params.userId, body),
}));
