import { evidenceRoutes as routes } from '#functions/evidence/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { completeMultipartUpload } from '#shared/recording/use-cases/evidence.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.completeMultipart, async ({ params, body, principal }) => ({
  status: 200,
  body: await completeMultipartUpload(ports, principal, params.id, body),
}));
