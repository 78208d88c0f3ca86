import { casesRoutes as routes } from '#functions/cases/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { createDocument } from '#shared/recording/use-cases/case-documents.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.createRecord, async ({ params, body, principal }) => ({
  status: 201,
  body: await createDocument(ports, principal, params.id, body),
}));
