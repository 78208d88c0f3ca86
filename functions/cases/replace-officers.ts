import { casesRoutes as routes } from '#functions/cases/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { replaceCaseOfficers } from '#shared/recording/use-cases/case-commit.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.replaceCaseOfficers, async ({ params, body, principal }) => ({
  status: 200,
  body: await replaceCaseOfficers(ports, principal, params.id, body),
}));
