import { agencyProfile, htmlPage } from '#functions/site/page-result.ts';
import { siteRoutes as routes } from '#functions/site/routes.ts';
import { CHECKLIST_KINDS } from '#shared/checklists/domain/checklist-kinds.ts';
import { publicEditions } from '#shared/checklists/use-cases/checklists.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { agencyPage } from '#shared/render/site/agency-page.ts';
import { ports } from '#shared/repositories.ts';

/** The agency's home: a bounded number of reads, whatever its history (7 lists, 5 decisions, 50 feed entries). */
export const handler = httpHandler(routes.siteAgency, async ({ params }) => {
  const { agencyId } = params;
  const [profile, editions, latest, feed] = await Promise.all([
    agencyProfile(agencyId),
    Promise.all(CHECKLIST_KINDS.map((kind) => publicEditions(ports, agencyId, kind))),
    ports.publications.publicRecords(agencyId, 5),
    ports.publications.feed(agencyId, 50),
  ]);
  const lists = editions.flatMap((list) => {
    const current = list.at(-1);
    return current?.edition !== undefined && current.effectiveFrom !== undefined
      ? [
          {
            kind: current.kind,
            edition: current.edition,
            effectiveFrom: current.effectiveFrom,
            itemCount: current.itemCount,
          },
        ]
      : [];
  });
  const withdrawals = feed
    .filter((item) => item.status === 'withdrawn')
    .slice(0, 5)
    .map((item) => ({
      id: String(item.id),
      withdrawnAt: item.withdrawnAt as string | undefined,
      reason: item.reason as string | undefined,
    }));
  const year = Number(legalDateOf(ports.now()).slice(0, 4));
  return htmlPage(
    agencyPage({
      profile,
      lists,
      latest: latest.items,
      withdrawals,
      reportYears: [year, year - 1, year - 2, year - 3],
    }),
  );
});
