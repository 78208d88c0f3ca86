import { openApiDocument } from '#functions/openapi.ts';
import { publicRoutes as routes } from '#functions/public/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';

const document = openApiDocument();

export const handler = httpHandler(routes.openApi, async () => ({ status: 200, body: document }));
