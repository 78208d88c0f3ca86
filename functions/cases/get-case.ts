import { routes } from '#functions/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { getCase } from '#shared/use-cases/cases.ts';

export const handler = httpHandler(routes.getCase, async ({ params, principal }) => {
  const record = await getCase(ports, principal.agencyId, params.id);
  const [activities, records, evidence] = await Promise.all([
    ports.cases.activities(principal.agencyId, params.id),
    ports.cases.documents(principal.agencyId, params.id),
    ports.evidence.forCase(principal.agencyId, params.id),
  ]);
  return { status: 200, body: { ...record, activities, records, evidence } };
});
