import { casesRoutes as routes } from '#functions/cases/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { recordTypes } from '#shared/recording/domain/documents.ts';

export const handler = httpHandler(routes.recordTypes, async () => ({
  status: 200,
  body: { items: recordTypes() },
}));
