import { evidenceRoutes as routes } from '#functions/evidence/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { setLegalHold } from '#shared/recording/use-cases/evidence.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.legalHold, async ({ params, body, principal }) => {
  const { key: _key, ...evidence } = await setLegalHold(ports, principal, params.id, body);
  return { status: 200, body: evidence };
});
