import { routes } from '#functions/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { transitionCase } from '#shared/use-cases/cases.ts';

export const handler = httpHandler(routes.transitionCase, async ({ params, body, principal }) => ({
  status: 200,
  body: await transitionCase(ports, principal, params.id, body),
}));
