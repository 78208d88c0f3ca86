import type { Checklist, ChecklistPointer, ChecklistSummary } from '#shared/checklists/domain/checklist.ts';
import type { ChecklistKind } from '#shared/checklists/domain/checklist-kinds.ts';
import type { ChecklistRepository } from '#shared/checklists/store/checklist-repository.ts';
import type { RandomDraw } from '#shared/inspections/domain/random-draw.ts';
import { drawTaken, type RandomDrawRepository } from '#shared/inspections/store/random-draw-repository.ts';
import { Conflict } from '#shared/kernel/errors.ts';
import { countsDelta } from '#shared/kernel/statistics.ts';
import type { ChildWrite } from '#shared/kernel/store/child-write.ts';
import type { Page } from '#shared/kernel/store/pagination.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import type { ListQuery } from '#shared/kernel/store/query.ts';
import type { PublicRecord } from '#shared/publicity/domain/public-record.ts';
import type { Publication, PublicationRule } from '#shared/publicity/domain/publication.ts';
import { publicationCounts } from '#shared/publicity/domain/publication-counts.ts';
import type {
  PublicationRepository,
  PublicDecisionSearch,
} from '#shared/publicity/store/publication-repository.ts';
import type { Delivery, PushTargetInput } from '#shared/recording/domain/push.ts';
import type { AnchorRecord, JournalAnchor, JournalAnchors } from '#shared/recording/store/journal-anchors.ts';
import type { PushRepository } from '#shared/recording/store/push-repository.ts';
import type { InMemoryCases } from '#test/fakes/in-memory-cases.ts';
import { byteOrder, copy, memoryChildWrite, newestFirst, pageOf, versionedPut } from '#test/fakes/memory.ts';

type Item = Record<string, unknown>;
type WorkList =
  | 'PUBLICATION_SCHEDULED'
  | 'PUBLICATION_READY'
  | 'PUBLICATION_UNCONFIRMED'
  | 'PUBLICATION_OVERDUE'
  | 'PUBLICATION_LIVE';

/** The sweep's work list of a publication and its sort key there, as the DynamoDB store indexes it. */
function workOf(publication: Publication): { list: WorkList; sort: string } | undefined {
  const key = `${publication.agencyId}#${publication.id}`;
  switch (publication.status) {
    case 'scheduled':
      return {
        list: publication.ready ? 'PUBLICATION_READY' : 'PUBLICATION_SCHEDULED',
        sort: `${publication.dueBy}#${key}`,
      };
    case 'deadline-unconfirmed':
      return { list: 'PUBLICATION_UNCONFIRMED', sort: key };
    case 'overdue':
      return { list: 'PUBLICATION_OVERDUE', sort: `${publication.dueBy}#${key}` };
    case 'published':
      return { list: 'PUBLICATION_LIVE', sort: `${publication.expiresOn}#${key}` };
    default:
      return undefined;
  }
}

const OPEN = ['scheduled', 'deadline-unconfirmed', 'overdue'];

/** Publications, their public records and the agencies' publication rules. */
export class InMemoryPublications implements Port<PublicationRepository> {
  readonly #publications = new Map<string, Publication>();
  readonly #public = new Map<string, { agencyId: string; record: Item; listed: boolean; feedAt?: string }>();
  readonly #rules = new Map<string, PublicationRule>();

  put(publication: Publication, previous?: Publication): ChildWrite {
    return memoryChildWrite(
      versionedPut(this.#publications, `${publication.agencyId}#${publication.id}`, publication, previous),
      countsDelta(previous ? publicationCounts(previous) : [], publicationCounts(publication)),
    );
  }

  async get(agencyId: string, id: string): Promise<Publication | undefined> {
    const publication = this.#publications.get(`${agencyId}#${id}`);
    return publication ? copy(publication) : undefined;
  }

  async page(agencyId: string, { limit, cursor, unit, status }: ListQuery<Publication['status']>) {
    const chosen = [...this.#publications.values()]
      .filter((publication) => publication.agencyId === agencyId)
      .filter((publication) => !unit || publication.unitId === unit.unitId)
      .filter((publication) => !status || publication.status === status)
      .sort(newestFirst((publication) => `${publication.decidedOn}#${publication.id}`));
    return pageOf(chosen, limit, cursor);
  }

  async list(agencyId: string): Promise<Publication[]> {
    return (await this.page(agencyId, { limit: Number.MAX_SAFE_INTEGER })).items;
  }

  async hintReady(publication: Publication): Promise<void> {
    const key = `${publication.agencyId}#${publication.id}`;
    const stored = this.#publications.get(key);
    if (stored?.version === publication.version) this.#publications.set(key, { ...stored, ready: true });
  }

  async open(agencyId: string): Promise<Publication[]> {
    return [...this.#publications.values()]
      .filter((publication) => publication.agencyId === agencyId && OPEN.includes(publication.status))
      .sort((a, b) => `${a.dueBy ?? ''}#${a.id}`.localeCompare(`${b.dueBy ?? ''}#${b.id}`))
      .map(copy);
  }

  async work(partition: WorkList, upTo?: string): Promise<{ agencyId: string; id: string }[]> {
    return this.workIndex(partition)
      .filter((entry) => !upTo || entry.sort <= `${upTo}#\uffff`)
      .map(({ agencyId, id }) => ({ agencyId, id }));
  }

  /** A work list with each item's sort key (gsi2sk), for a store that pages it by key (the recomputation). */
  workIndex(partition: string): { agencyId: string; id: string; sort: string }[] {
    return [...this.#publications.values()]
      .flatMap((publication) => {
        const work = workOf(publication);
        return work?.list === partition
          ? [{ agencyId: publication.agencyId, id: publication.id, sort: work.sort }]
          : [];
      })
      .sort((a, b) => byteOrder(a.sort, b.sort));
  }

  putPublicRecord(
    agencyId: string,
    record: PublicRecord | { id: string; status: 'withdrawn' | 'expired' },
    listed: boolean,
    feedAt?: string,
  ): ChildWrite {
    return memoryChildWrite({
      holds: () => true,
      apply: () =>
        void this.#public.set(record.id, {
          agencyId,
          record: copy({ ...record, ...(feedAt ? { feedAt } : {}) }),
          listed,
          ...(feedAt ? { feedAt } : {}),
        }),
    });
  }

  async feed(agencyId: string, limit: number): Promise<(Item & { feedAt: string })[]> {
    return [...this.#public.values()]
      .filter((entry) => entry.agencyId === agencyId && entry.feedAt !== undefined)
      .sort(newestFirst((entry) => `${entry.feedAt}#${entry.record.id}`))
      .slice(0, limit)
      .map((entry) => copy(entry.record) as Item & { feedAt: string });
  }

  async getPublicRecord(id: string): Promise<Item | undefined> {
    const entry = this.#public.get(id);
    return entry ? copy(entry.record) : undefined;
  }

  async publicRecords(
    agencyId: string,
    limit: number,
    cursor?: string,
    search: PublicDecisionSearch = {},
  ): Promise<Page<PublicRecord>> {
    const listed = [...this.#public.values()]
      .filter((entry) => entry.agencyId === agencyId && entry.listed)
      .map((entry) => entry.record as unknown as PublicRecord)
      .filter((record) => search.documentNo === undefined || record.documentNo === search.documentNo)
      .filter((record) => !search.from || record.publishedOn >= search.from)
      .filter((record) => !search.to || record.publishedOn <= search.to)
      .filter((record) => !search.category || record.category === search.category)
      .sort(newestFirst((record) => `${record.publishedOn}#${record.id}`));
    return pageOf(listed, limit, cursor);
  }

  async getRule(agencyId: string, category: string): Promise<PublicationRule | undefined> {
    const rule = this.#rules.get(`${agencyId}#${category}`);
    return rule ? copy(rule) : undefined;
  }

  async putRule(agencyId: string, category: string, rule: PublicationRule): Promise<void> {
    this.#rules.set(`${agencyId}#${category}`, copy(rule));
  }
}

/** Checklists, one item per version, with the pointer to the edition in force. */
export class InMemoryChecklists implements Port<ChecklistRepository> {
  readonly #versions = new Map<string, Checklist>();
  readonly #current = new Map<string, ChecklistPointer>();

  async create(checklist: Checklist): Promise<void> {
    const key = `${checklist.agencyId}#${checklist.id}`;
    if (this.#versions.has(key)) throw new Conflict('清单已存在');
    this.#versions.set(key, copy(checklist));
  }

  async get(agencyId: string, id: string): Promise<Checklist | undefined> {
    const checklist = this.#versions.get(`${agencyId}#${id}`);
    return checklist ? copy(checklist) : undefined;
  }

  async saveDraft(checklist: Checklist, expectedVersion: number): Promise<void> {
    const key = `${checklist.agencyId}#${checklist.id}`;
    const stored = this.#versions.get(key);
    if (stored?.status !== 'draft' || stored.version !== expectedVersion)
      throw new Conflict('清单已被他人修改或已发布，请刷新后重试');
    this.#versions.set(key, copy(checklist));
  }

  async list(agencyId: string): Promise<Checklist[]> {
    return [...this.#versions.values()]
      .filter((checklist) => checklist.agencyId === agencyId)
      .sort(newestFirst((checklist) => checklist.id))
      .map(copy);
  }

  async current(agencyId: string, kind: ChecklistKind) {
    const pointer = this.#current.get(`${agencyId}#${kind}`);
    return pointer ? copy(pointer) : undefined;
  }

  #editions(agencyId: string, kind: ChecklistKind): Checklist[] {
    return [...this.#versions.values()]
      .filter((checklist) => checklist.agencyId === agencyId && checklist.kind === kind)
      .filter((checklist) => checklist.edition !== undefined)
      .sort((a, b) => (a.edition ?? 0) - (b.edition ?? 0));
  }

  async editionSummaries(agencyId: string, kind: ChecklistKind): Promise<ChecklistSummary[]> {
    return this.#editions(agencyId, kind).map(({ items, ...rest }) => ({
      ...copy(rest),
      itemCount: items.length,
    }));
  }

  async edition(agencyId: string, kind: ChecklistKind, edition: number): Promise<Checklist | undefined> {
    const found = this.#editions(agencyId, kind).find((checklist) => checklist.edition === edition);
    return found ? copy(found) : undefined;
  }

  async publish(
    draft: Checklist,
    published: Checklist,
    superseded: Checklist | undefined,
    { before, after }: { before: ChecklistPointer | undefined; after: ChecklistPointer },
  ): Promise<void> {
    const key = (checklist: Checklist) => `${checklist.agencyId}#${checklist.id}`;
    const pointerKey = `${published.agencyId}#${published.kind}`;
    const stored = this.#versions.get(key(published));
    const pointer = this.#current.get(pointerKey);
    const holds =
      stored?.status === 'draft' &&
      stored.version === draft.version &&
      (!superseded || this.#versions.get(key(superseded))?.status === 'published') &&
      (before
        ? pointer?.inForce?.id === before.inForce?.id && pointer?.next?.id === before.next?.id
        : pointer === undefined);
    if (!holds) throw new Conflict('清单已被他人修改或同类清单刚刚发布，请刷新后重试');
    this.#versions.set(key(published), copy(published));
    if (superseded) this.#versions.set(key(superseded), copy(superseded));
    this.#current.set(pointerKey, copy(after));
  }
}

/** Random inspection draws (PUB-2). */
export class InMemoryRandomDraws implements Port<RandomDrawRepository> {
  readonly #draws = new Map<string, RandomDraw>();

  async add(draw: RandomDraw): Promise<void> {
    if (this.#draws.has(draw.id)) throw drawTaken();
    this.#draws.set(draw.id, copy(draw));
  }

  async get(id: string): Promise<RandomDraw | undefined> {
    const draw = this.#draws.get(id);
    return draw ? copy(draw) : undefined;
  }

  async latest(agencyId: string, limit: number): Promise<RandomDraw[]> {
    return [...this.#draws.values()]
      .filter((draw) => draw.agencyId === agencyId)
      .sort(newestFirst((draw) => `${draw.drawnAt}#${draw.id}`))
      .slice(0, limit)
      .map(copy);
  }
}

/** Journal anchors (REC-3): the days come from the cases' journals, the anchors are kept as written. */
export class InMemoryAnchors implements Port<JournalAnchors> {
  readonly #cases: InMemoryCases;
  readonly #records = new Map<string, AnchorRecord>();
  readonly #texts = new Map<string, string>();
  readonly #caseMarks = new Map<string, Set<string>>();

  constructor(cases: InMemoryCases) {
    this.#cases = cases;
  }

  async changedOn(day: string) {
    return this.#cases
      .journalDays()
      .filter((mark) => mark.day === day)
      .map(({ agencyId, caseId, seq, head }) => ({ agencyId, caseId, seq, head }));
  }

  /** As the archive's case marks: every day an anchor that held the case was written. */
  async daysOf(agencyId: string, caseId: string): Promise<string[]> {
    return [...(this.#caseMarks.get(`${agencyId}#${caseId}`) ?? [])].sort();
  }

  async get(agencyId: string, day: string): Promise<AnchorRecord | undefined> {
    const record = this.#records.get(`${agencyId}#${day}`);
    return record ? copy(record) : undefined;
  }

  async latest(agencyId: string): Promise<AnchorRecord | undefined> {
    const days = [...this.#records.values()].filter((record) => record.agencyId === agencyId);
    const [newest] = days.sort(newestFirst((record) => record.day));
    return newest ? copy(newest) : undefined;
  }

  /**
   * As the DynamoDB store: the text goes to the archive first (a key's first version is the one
   * read), then the record and the agency's latest pointer in one transaction, which fails when
   * the day is recorded already or the latest anchor is not older than this day.
   */
  async write(anchor: JournalAnchor, text: string, sha256: string): Promise<boolean> {
    const key = `${anchor.agencyId}#${anchor.day}`;
    if (!this.#texts.has(key)) this.#texts.set(key, text);
    for (const head of anchor.cases) {
      const marks = `${anchor.agencyId}#${head.caseId}`;
      this.#caseMarks.set(marks, new Set([...(this.#caseMarks.get(marks) ?? []), anchor.day]));
    }
    const latest = await this.latest(anchor.agencyId);
    if (this.#records.has(key) || (latest !== undefined && latest.day >= anchor.day)) return false;
    this.#records.set(key, {
      agencyId: anchor.agencyId,
      day: anchor.day,
      sha256,
      key: `anchors/${anchor.agencyId}/${anchor.day}.json`,
    });
    return true;
  }

  async read(agencyId: string, day: string): Promise<string | undefined> {
    return this.#texts.get(`${agencyId}#${day}`);
  }
}

/** Push targets and the deliveries' outbox. */
export class InMemoryPush implements Port<PushRepository> {
  readonly #targets = new Map<string, PushTargetInput>();
  readonly #deliveries = new Map<string, Delivery>();

  async target(agencyId: string): Promise<PushTargetInput | undefined> {
    const target = this.#targets.get(agencyId);
    return target ? copy(target) : undefined;
  }

  async putTarget(agencyId: string, target: PushTargetInput): Promise<void> {
    this.#targets.set(agencyId, copy(target));
  }

  create(delivery: Delivery): ChildWrite {
    return memoryChildWrite({
      holds: () => !this.#deliveries.has(delivery.id),
      apply: () => void this.#deliveries.set(delivery.id, copy(delivery)),
    });
  }

  async get(id: string): Promise<Delivery | undefined> {
    const delivery = this.#deliveries.get(id);
    return delivery ? copy(delivery) : undefined;
  }

  async save(delivery: Delivery, previousAttempts: number, previousStatus: Delivery['status']) {
    const stored = this.#deliveries.get(delivery.id);
    if (stored?.attempts !== previousAttempts || stored.status !== previousStatus) return false;
    this.#deliveries.set(delivery.id, copy(delivery));
    return true;
  }

  async due(now: string): Promise<string[]> {
    return [...this.#deliveries.values()]
      .filter((delivery) => delivery.status === 'pending' && `${delivery.nextAttemptAt}` <= `${now}#\uffff`)
      .sort((a, b) => byteOrder(`${a.nextAttemptAt}#${a.id}`, `${b.nextAttemptAt}#${b.id}`))
      .slice(0, 200)
      .map((delivery) => delivery.id);
  }

  async dead(agencyId: string): Promise<Delivery[]> {
    return (
      [...this.#deliveries.values()]
        .filter((delivery) => delivery.agencyId === agencyId && delivery.status === 'dead')
        // As the store's dead-letter index: oldest first.
        .sort((a, b) => byteOrder(`${a.createdAt}#${a.id}`, `${b.createdAt}#${b.id}`))
        .map(copy)
    );
  }
}
