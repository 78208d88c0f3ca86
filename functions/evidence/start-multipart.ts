import { evidenceRoutes as routes } from '#functions/evidence/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { startMultipartUpload } from '#shared/use-cases/evidence.ts';

export const handler = httpHandler(routes.startMultipart, async ({ params, body, principal }) => ({
  status: 201,
  body: await startMultipartUpload(ports, principal, params.id, body ?? {}),
}));
