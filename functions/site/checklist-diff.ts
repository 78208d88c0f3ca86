import { agencyProfile, htmlPage } from '#functions/site/page-result.ts';
import { siteRoutes as routes } from '#functions/site/routes.ts';
import { diffEditions } from '#shared/checklists/use-cases/checklists.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { checklistDiffPage } from '#shared/render/site/checklist-pages.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.siteChecklistDiff, async ({ params, query }) => {
  const { agencyId, kind } = params;
  const [profile, diff] = await Promise.all([
    agencyProfile(agencyId),
    diffEditions(ports, agencyId, kind, query.from, query.to),
  ]);
  const summary = (edition: typeof diff.from) => ({
    ...edition,
    kind,
    edition: edition.edition ?? 0,
    effectiveFrom: edition.effectiveFrom ?? '',
  });
  return htmlPage(
    checklistDiffPage({
      agencyId,
      agencyName: profile.name,
      kind,
      diff: { ...diff, from: summary(diff.from), to: summary(diff.to) },
    }),
  );
});
