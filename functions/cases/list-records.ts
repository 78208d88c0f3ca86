import { casesRoutes as routes } from '#functions/cases/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { readCase } from '#shared/recording/use-cases/case-access.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.listRecords, async ({ params, principal }) => {
  await readCase(ports, principal, params.id);
  return { status: 200, body: { items: await ports.cases.documents(principal.agencyId, params.id) } };
});
