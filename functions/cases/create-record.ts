import { casesRoutes as routes } from '#functions/cases/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { createDocument } from '#shared/use-cases/case-documents.ts';

export const handler = httpHandler(routes.createRecord, async ({ params, body, principal }) => ({
  status: 201,
  body: await createDocument(ports, principal, params.id, body),
}));
