import { officersRoutes as routes } from '#functions/officers/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { verificationQrSvg } from '#shared/render/qr.ts';
import { ports } from '#shared/store/repositories.ts';
import { getOfficer } from '#shared/use-cases/officers.ts';

export const handler = httpHandler(routes.officerQr, async ({ params, principal }) => {
  const officer = await getOfficer(ports, principal.agencyId, params.certificateNo);
  return {
    status: 200,
    contentType: 'image/svg+xml',
    body: await verificationQrSvg(officer.agencyId, officer.certificateNo),
  };
});
