import { casesRoutes as routes } from '#functions/cases/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { printableDocument } from '#shared/recording/use-cases/case-documents.ts';
import { documentVerificationUrl } from '#shared/render/qr.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.recordPdf, async ({ params, principal }) => {
  // Loaded on first use: the area's other routes start without it (docs/performance.md).
  const { recordDocumentPdf } = await import('#shared/render/pdf/record-document.ts');
  const contents = await printableDocument(ports, principal, params.id, params.recordId);
  const pdf = await recordDocumentPdf({
    ...contents,
    verificationUrl: documentVerificationUrl(contents.document.verificationCode),
  });
  return {
    status: 200,
    contentType: 'application/pdf',
    body: pdf,
    headers: {
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(`${contents.document.number}.pdf`)}`,
    },
  };
});
