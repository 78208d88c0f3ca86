import QRCode from 'qrcode';
import { config } from '#shared/config.ts';
import { sitePaths } from '#shared/render/site/paths.ts';

/** The public page a citizen opens by scanning an officer's certificate QR code (PUB-7). */
export function verificationUrl(agencyId: string, certificateNo: string): string {
  return new URL(sitePaths.certificate(certificateNo, agencyId), config().PUBLIC_BASE_URL).toString();
}

/** The public page that checks a printed document against its electronic original (PUB-16). */
export function documentVerificationUrl(verificationCode: string): string {
  return new URL(sitePaths.document(verificationCode), config().PUBLIC_BASE_URL).toString();
}

/** The certificate's QR code as a standalone SVG document. */
export function verificationQrSvg(agencyId: string, certificateNo: string): Promise<string> {
  return QRCode.toString(verificationUrl(agencyId, certificateNo), {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
  });
}

/** An enterprise's supervision code (INS-4) as a standalone SVG QR code. */
export function supervisionQrSvg(code: string): Promise<string> {
  return QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
