import { casesRoutes as routes } from '#functions/cases/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { listScope } from '#shared/recording/use-cases/case-access.ts';
import { ports } from '#shared/repositories.ts';

/** The agency's cases for those who see the agency; their own unit's for everyone else. */
export const handler = httpHandler(routes.listCases, async ({ query, principal }) => ({
  status: 200,
  body: await ports.cases.list(principal.agencyId, { ...query, unit: listScope(principal) }),
}));
