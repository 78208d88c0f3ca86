import { routes } from '#functions/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { exempt } from '#shared/use-cases/publications.ts';

export const handler = httpHandler(routes.exemptPublication, async ({ params, body, principal }) => ({
  status: 200,
  body: await exempt(ports, principal, params.id, body),
}));
