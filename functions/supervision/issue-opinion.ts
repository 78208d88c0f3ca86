import { supervisionRoutes as routes } from '#functions/supervision/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';
import { issueOpinion } from '#shared/supervision/use-cases/supervision-opinions.ts';

export const handler = httpHandler(routes.issueOpinion, async ({ params, body, principal }) => ({
  status: 201,
  body: await issueOpinion(ports, principal, params.id, body),
}));
