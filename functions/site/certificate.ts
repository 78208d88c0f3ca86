import { htmlPage } from '#functions/site/page-result.ts';
import { siteRoutes as routes } from '#functions/site/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { verifyCertificate } from '#shared/organisation/use-cases/officers.ts';
import { certificatePage } from '#shared/render/site/certificate-page.ts';
import { ports } from '#shared/repositories.ts';

/** The page a certificate's QR code opens: its status as of this request, never from a cache (PUB-5). */
export const handler = httpHandler(routes.siteCertificate, async ({ params, query }) =>
  htmlPage(certificatePage(await verifyCertificate(ports, params.certificateNo, query.agencyId)), {
    live: true,
  }),
);
