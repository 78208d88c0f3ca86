import { htmlPage } from '#functions/site/page-result.ts';
import { siteRoutes as routes } from '#functions/site/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { NotFound } from '#shared/kernel/errors.ts';
import type { PublicRecord } from '#shared/publicity/domain/public-record.ts';
import { decisionPage } from '#shared/render/site/decision-pages.ts';
import { ports } from '#shared/repositories.ts';

/** A published decision, or what stands in its place once withdrawn (PUB-11). */
export const handler = httpHandler(routes.siteDecision, async ({ params }) => {
  const record = await ports.publications.getPublicRecord(params.id);
  if (!record) throw new NotFound('该公示不存在或尚未发布', [{ path: 'id', message: params.id }]);
  const agencyId = typeof record.agencyId === 'string' ? record.agencyId : undefined;
  const agencyName =
    typeof record.agencyName === 'string'
      ? record.agencyName
      : ((agencyId ? (await ports.agencies.get(agencyId))?.name : undefined) ?? '执法机关');
  return htmlPage(decisionPage(record as unknown as PublicRecord, agencyName));
});
