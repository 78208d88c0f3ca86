import { routes } from '#functions/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { openApiDocument } from '#shared/http/openapi.ts';

const document = openApiDocument();

export const handler = httpHandler(routes.openApi, async () => ({ status: 200, body: document }));
