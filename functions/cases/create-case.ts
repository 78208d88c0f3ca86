import { casesRoutes as routes } from '#functions/cases/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { registerCase } from '#shared/use-cases/register-case.ts';

export const handler = httpHandler(routes.createCase, async ({ body, principal }) => ({
  status: 201,
  body: await registerCase(ports, principal, body),
}));
