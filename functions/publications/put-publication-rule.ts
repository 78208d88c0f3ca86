import { routes } from '#functions/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';

export const handler = httpHandler(routes.putPublicationRule, async ({ params, body, principal }) => {
  await ports.publications.putRule(
    principal.agencyId,
    params.category,
    body,
    principal.sub,
    ports.now().toISOString(),
  );
  return { status: 200, body: { category: params.category, ...body } };
});
