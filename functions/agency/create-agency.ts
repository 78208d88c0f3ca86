import { agencyRoutes as routes } from '#functions/agency/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { identityProvider } from '#shared/organisation/store/identity-provider.ts';
import { createAgency } from '#shared/organisation/use-cases/accounts.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.createAgency, async ({ body, principal }) => ({
  status: 201,
  body: await createAgency({ ...ports, identity: await identityProvider() }, principal, body),
}));
