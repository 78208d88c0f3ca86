import QRCode from 'qrcode';
import { config } from '#shared/config.ts';

/** The public page a citizen opens by scanning an officer's certificate QR code (PUB-7). */
export function verificationUrl(agencyId: string, certificateNo: string): string {
  const url = new URL(`/public/v1/officers/${encodeURIComponent(certificateNo)}`, config().PUBLIC_BASE_URL);
  url.searchParams.set('agencyId', agencyId);
  return url.toString();
}

/** The certificate's QR code as a standalone SVG document. */
export function verificationQrSvg(agencyId: string, certificateNo: string): Promise<string> {
  return QRCode.toString(verificationUrl(agencyId, certificateNo), {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
  });
}
