import { routes } from '#functions/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { getEvidence } from '#shared/use-cases/evidence.ts';

export const handler = httpHandler(routes.getEvidence, async ({ params, principal }) => {
  const { key: _key, ...evidence } = await getEvidence(ports, principal.agencyId, params.id);
  return { status: 200, body: evidence };
});
