import QRCode from 'qrcode';
import { routes } from '#functions/routes.ts';
import { config } from '#shared/config.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { getOfficer } from '#shared/use-cases/officers.ts';

/** The URL a citizen opens by scanning the certificate's QR code (PUB-7). */
export function verificationUrl(agencyId: string, certificateNo: string): string {
  const url = new URL(`/public/v1/officers/${encodeURIComponent(certificateNo)}`, config().PUBLIC_BASE_URL);
  url.searchParams.set('agencyId', agencyId);
  return url.toString();
}

export const handler = httpHandler(routes.officerQr, async ({ params, principal }) => {
  const officer = await getOfficer(ports, principal.agencyId, params.certificateNo);
  const svg = await QRCode.toString(verificationUrl(officer.agencyId, officer.certificateNo), {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
  });
  return { status: 200, contentType: 'image/svg+xml', body: svg };
});
