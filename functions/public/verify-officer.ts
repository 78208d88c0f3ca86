import { publicRoutes as routes } from '#functions/public/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { wantsPage } from '#shared/http/html.ts';
import { verifyCertificate } from '#shared/organisation/use-cases/officers.ts';
import { certificatePage } from '#shared/render/site/certificate-page.ts';
import { ports } from '#shared/repositories.ts';

/** JSON for clients; a page for a browser that scanned the QR code. */
export const handler = httpHandler(routes.verifyOfficer, async ({ params, query, headers }) => {
  const certificate = await verifyCertificate(ports, params.certificateNo, query.agencyId);
  const cache = { 'cache-control': 'no-store' };
  return wantsPage(headers)
    ? {
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: certificatePage(certificate),
        headers: cache,
      }
    : { status: 200, body: certificate, headers: cache };
});
