import { supervisionRoutes as routes } from '#functions/supervision/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';
import { openMatter } from '#shared/supervision/use-cases/open-matter.ts';

export const handler = httpHandler(routes.openMatter, async ({ body, principal }) => ({
  status: 201,
  body: await openMatter(ports, principal, body),
}));
