import type { DomainEvent } from '#shared/events/publisher.ts';
import { NotFound } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { ChildWrite } from '#shared/kernel/store/child-write.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import type { ReviewPorts } from '#shared/legal-review/use-cases/review-access.ts';
import type { EnforcementCategory } from '#shared/organisation/domain/officer.ts';
import { defaultRule, type Publication, type PublicationRule } from '#shared/publicity/domain/publication.ts';
import type { PublicationRepository } from '#shared/publicity/store/publication-repository.ts';
import type { CaseRecord } from '#shared/recording/domain/case.ts';
import { changeWithCase, commitCaseChange } from '#shared/recording/use-cases/case-commit.ts';
import type { PushPorts } from '#shared/recording/use-cases/push.ts';

export interface PublicationPorts extends ReviewPorts, PushPorts {
  publications: Port<PublicationRepository>;
  publish: (events: DomainEvent[]) => Promise<void>;
  scheduleDueDate: (publication: { id: string; dueBy: string | null }) => Promise<void>;
}

export const SYSTEM = (agencyId: string): Principal => ({
  sub: 'system:publication-sweep',
  name: '自动公示',
  agencyId,
  roles: [],
});

/** An administrator sets how the agency publishes one category's decisions (days, when, how long, masking). */
export async function setPublicationRule(
  ports: Pick<PublicationPorts, 'publications' | 'now'>,
  principal: Principal,
  category: string,
  rule: PublicationRule,
): Promise<PublicationRule & { category: string }> {
  await ports.publications.putRule(
    principal.agencyId,
    category,
    rule,
    principal.sub,
    ports.now().toISOString(),
  );
  // A rule that now publishes sooner may make waiting publications ready: the sweep looks at the
  // category's open ones again (it decides; the hint only puts them on its list).
  for (const publication of await ports.publications.open(principal.agencyId))
    if (publication.category === category && !publication.ready && publication.status !== 'overdue')
      await ports.publications.hintReady(publication);
  return { category, ...rule };
}

/** The agency's rule for a category (PUB-1), or the default of PUB-9. */
export async function publicationRule(
  ports: { publications: Port<PublicationRepository> },
  agencyId: string,
  category: EnforcementCategory,
): Promise<PublicationRule> {
  return (await ports.publications.getRule(agencyId, category)) ?? defaultRule(category);
}

export async function getPublication(
  ports: PublicationPorts,
  agencyId: string,
  id: string,
): Promise<Publication> {
  const publication = await ports.publications.get(agencyId, id);
  if (!publication) throw new NotFound('公示不存在', [{ path: 'id', message: id }]);
  return publication;
}

/** A change to a publication, its public record and the journal, in one transaction. */
export async function commitPublication(
  ports: PublicationPorts,
  principal: Principal,
  record: CaseRecord,
  publication: Publication,
  next: Publication,
  type: string,
  data: Record<string, unknown>,
  extra: ChildWrite[] = [],
): Promise<Publication> {
  const saved: Publication = {
    ...next,
    updatedAt: ports.now().toISOString(),
    version: publication.version + 1,
  };
  await commitCaseChange(ports, record, principal, type, { publicationId: publication.id, ...data }, {}, [
    ports.publications.put(saved, publication),
    ...extra,
  ]);
  return saved;
}

/** A command on a publication and its case, read afresh on each attempt (`changeWithCase`). */
export const changePublication = <T>(
  ports: PublicationPorts,
  agencyId: string,
  id: string,
  change: (publication: Publication, record: CaseRecord) => Promise<T>,
): Promise<T> => changeWithCase(ports, agencyId, () => getPublication(ports, agencyId, id), change);
