import { agencyRoutes as routes } from '#functions/agency/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { identityProvider } from '#shared/store/identity-provider.ts';
import { ports } from '#shared/store/repositories.ts';
import { createAgency } from '#shared/use-cases/accounts.ts';

export const handler = httpHandler(routes.createAgency, async ({ body, principal }) => ({
  status: 201,
  body: await createAgency({ ...ports, identity: await identityProvider() }, principal, body),
}));
