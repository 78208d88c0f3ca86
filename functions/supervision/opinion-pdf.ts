import { supervisionRoutes as routes } from '#functions/supervision/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { documentVerificationUrl } from '#shared/render/qr.ts';
import { ports } from '#shared/repositories.ts';
import { printableOpinion } from '#shared/supervision/use-cases/supervision-opinions.ts';

export const handler = httpHandler(routes.opinionPdf, async ({ params, principal }) => {
  // Loaded on first use: the area's other routes start without it (docs/performance.md).
  const { supervisionDocumentPdf } = await import('#shared/render/pdf/supervision-document.ts');
  const contents = await printableOpinion(ports, principal, params.id);
  const pdf = await supervisionDocumentPdf({
    ...contents,
    verificationUrl: documentVerificationUrl(contents.opinion.verificationCode),
  });
  return {
    status: 200,
    contentType: 'application/pdf',
    body: pdf,
    headers: {
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(`${contents.opinion.number}.pdf`)}`,
    },
  };
});
