import { casesRoutes as routes } from '#functions/cases/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { registerCase } from '#shared/recording/use-cases/register-case.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.createCase, async ({ body, principal }) => ({
  status: 201,
  body: await registerCase(ports, principal, body),
}));
