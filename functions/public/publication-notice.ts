import { publicRoutes as routes } from '#functions/public/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { NotFound } from '#shared/kernel/errors.ts';
import type { NoticeContent } from '#shared/render/pdf/publication-notice.ts';
import { ports } from '#shared/repositories.ts';

/** The printable notice of a publication, for hall boards (PUB-14). */
export const handler = httpHandler(routes.publicationNotice, async ({ params }) => {
  const record = (await ports.publications.getPublicRecord(params.id)) as
    | (NoticeContent & { agencyId?: string; agencyName?: string })
    | undefined;
  if (!record || ('status' in record && record.status !== 'withdrawn')) {
    throw new NotFound('该公示不存在或已到期', [{ path: 'id', message: params.id }]);
  }
  const agencyName =
    record.agencyName ??
    (record.agencyId ? (await ports.agencies.get(record.agencyId))?.name : undefined) ??
    '';
  return {
    status: 200,
    contentType: 'application/pdf',
    headers: {
      'content-disposition': `inline; filename="notice-${params.id}.pdf"`,
      'cache-control': 'no-store',
    },
    body: await (await import('#shared/render/pdf/publication-notice.ts')).publicationNoticePdf(
      record,
      agencyName,
    ),
  };
});
