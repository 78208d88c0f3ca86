import { agencyProfile, htmlPage } from '#functions/site/page-result.ts';
import { siteRoutes as routes } from '#functions/site/routes.ts';
import { publicView } from '#shared/checklists/domain/checklist.ts';
import {
  editionByNumber,
  publicEdition,
  publicEditions,
  withLiveOfficerStatus,
} from '#shared/checklists/use-cases/checklists.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { NotFound } from '#shared/kernel/errors.ts';
import { checklistPage } from '#shared/render/site/checklist-pages.ts';
import { ports } from '#shared/repositories.ts';

/** The list in force (with today's certificate status) or the edition asked for, and every edition. */
export const handler = httpHandler(routes.siteChecklist, async ({ params, query }) => {
  const { agencyId, kind } = params;
  const [profile, editions] = await Promise.all([
    agencyProfile(agencyId),
    publicEditions(ports, agencyId, kind),
  ]);
  const found =
    query.edition !== undefined
      ? await editionByNumber(ports, agencyId, kind, query.edition)
      : await publicEdition(ports, agencyId, kind).then(
          (current) => withLiveOfficerStatus(ports, current),
          (error: unknown) => {
            if (error instanceof NotFound) return undefined;
            throw error;
          },
        );
  if (found?.status === 'draft')
    throw new NotFound('该版本不存在', [{ path: 'edition', message: String(query.edition) }]);
  const view = found ? publicView(found) : undefined;
  return htmlPage(
    checklistPage({
      agencyId,
      agencyName: profile.name,
      kind,
      edition: view
        ? {
            ...view,
            kind,
            edition: view.edition ?? 0,
            effectiveFrom: view.effectiveFrom ?? '',
            items: view.items,
          }
        : undefined,
      editions: editions.map((edition) => ({
        ...edition,
        kind,
        edition: edition.edition ?? 0,
        effectiveFrom: edition.effectiveFrom ?? '',
      })),
    }),
  );
});
