import { htmlPage } from '#functions/site/page-result.ts';
import { siteRoutes as routes } from '#functions/site/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { verifyCertificate } from '#shared/organisation/use-cases/officers.ts';
import { certificateLookupPage, certificatePage } from '#shared/render/site/certificate-page.ts';
import { ports } from '#shared/repositories.ts';

/** The look-up form; with a number, the same page its QR code opens. */
export const handler = httpHandler(routes.siteCertificateLookup, async ({ query }) =>
  query.certificateNo
    ? htmlPage(certificatePage(await verifyCertificate(ports, query.certificateNo, query.agencyId)), {
        live: true,
      })
    : htmlPage(certificateLookupPage()),
);
