import { officersRoutes as routes } from '#functions/officers/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { getOfficer } from '#shared/organisation/use-cases/officers.ts';
import { verificationQrSvg } from '#shared/render/qr.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.officerQr, async ({ params, principal }) => {
  const officer = await getOfficer(ports, principal.agencyId, params.certificateNo);
  return {
    status: 200,
    contentType: 'image/svg+xml',
    body: await verificationQrSvg(officer.agencyId, officer.certificateNo),
  };
});
