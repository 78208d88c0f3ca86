import { supervisionRoutes as routes } from '#functions/supervision/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';
import { answerRectification } from '#shared/supervision/use-cases/supervision-opinions.ts';

export const handler = httpHandler(routes.answerRectification, async ({ params, body, principal }) => ({
  status: 200,
  body: await answerRectification(ports, principal, params.id, body),
}));
