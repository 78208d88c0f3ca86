import { openApiDocument } from '#functions/openapi.ts';
import { routes } from '#functions/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';

const document = openApiDocument();

export const handler = httpHandler(routes.openApi, async () => ({ status: 200, body: document }));
