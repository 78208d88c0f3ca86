import { htmlPage } from '#functions/site/page-result.ts';
import { siteRoutes as routes } from '#functions/site/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { verifyDocument } from '#shared/recording/use-cases/case-documents.ts';
import { documentPage } from '#shared/render/site/document-page.ts';
import { ports } from '#shared/repositories.ts';

/** The page a printed document's QR code opens: whether it stands as of this request (PUB-16). */
export const handler = httpHandler(routes.siteDocument, async ({ params }) =>
  htmlPage(documentPage(await verifyDocument(ports, params.verificationCode)), { live: true }),
);
