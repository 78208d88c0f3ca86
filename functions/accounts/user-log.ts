import { accountsRoutes as routes } from '#functions/accounts/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { identityProvider } from '#shared/organisation/store/identity-provider.ts';
import { accountLog } from '#shared/organisation/use-cases/accounts.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.userLog, async ({ query, principal }) => ({
  status: 200,
  body: await accountLog({ ...ports, identity: await identityProvider() }, principal, query),
}));
