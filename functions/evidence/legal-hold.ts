import { evidenceRoutes as routes } from '#functions/evidence/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { setLegalHold } from '#shared/use-cases/evidence.ts';

export const handler = httpHandler(routes.legalHold, async ({ params, body, principal }) => {
  const { key: _key, ...evidence } = await setLegalHold(ports, principal, params.id, body);
  return { status: 200, body: evidence };
});
