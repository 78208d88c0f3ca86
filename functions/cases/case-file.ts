import { casesRoutes as routes } from '#functions/cases/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { assertEntitled, getCase } from '#shared/recording/use-cases/case-access.ts';
import { verifyCaseJournal } from '#shared/recording/use-cases/case-journal.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.caseFile, async ({ params, principal }) => {
  // Loaded on first use: the area's other routes start without it (docs/performance.md).
  const { caseFileZip } = await import('#shared/render/zip/case-file.ts');
  const record = await getCase(ports, principal.agencyId, params.id);
  assertEntitled(record, principal);
  const [documents, evidence, journal, verification, profile] = await Promise.all([
    ports.cases.documents(principal.agencyId, params.id),
    ports.evidence.forCase(principal.agencyId, params.id),
    ports.cases.journal(principal.agencyId, params.id),
    verifyCaseJournal(ports, principal, params.id),
    ports.agencies.get(principal.agencyId),
  ]);
  const zip = await caseFileZip(
    {
      record,
      agencyName: profile?.name ?? principal.agencyId,
      documents: documents.sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
      evidence,
      journal: { ...verification, head: record.journalHead },
      generatedAt: ports.now().toISOString(),
    },
    journal,
  );
  return {
    status: 200,
    contentType: 'application/zip',
    body: zip,
    headers: {
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`电子卷宗-${record.id}.zip`)}`,
    },
  };
});
