import { casesRoutes as routes } from '#functions/cases/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { replaceCaseOfficers } from '#shared/use-cases/case-commit.ts';

export const handler = httpHandler(routes.replaceCaseOfficers, async ({ params, body, principal }) => ({
  status: 200,
  body: await replaceCaseOfficers(ports, principal, params.id, body),
}));
