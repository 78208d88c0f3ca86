import { casesRoutes as routes } from '#functions/cases/routes.ts';
import { recordTypes } from '#shared/domain/cases/documents.ts';
import { httpHandler } from '#shared/http/handler.ts';

export const handler = httpHandler(routes.recordTypes, async () => ({
  status: 200,
  body: { items: recordTypes() },
}));
