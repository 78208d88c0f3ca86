import { publicRoutes as routes } from '#functions/public/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { wantsPage } from '#shared/http/html.ts';
import { verifyDocument } from '#shared/recording/use-cases/case-documents.ts';
import { documentPage } from '#shared/render/site/document-page.ts';
import { ports } from '#shared/repositories.ts';

/** JSON for clients; a page for a browser that scanned the QR code. Never cached: status changes (PUB-16). */
export const handler = httpHandler(routes.verifyDocument, async ({ params, headers }) => {
  const document = await verifyDocument(ports, params.verificationCode);
  const cache = { 'cache-control': 'no-store' };
  return wantsPage(headers)
    ? { status: 200, contentType: 'text/html; charset=utf-8', body: documentPage(document), headers: cache }
    : { status: 200, body: document, headers: cache };
});
