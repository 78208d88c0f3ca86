import { Conflict, StaleWrite } from '#shared/kernel/errors.ts';
import type { JournalEntry } from '#shared/kernel/journal.ts';
import type { ChildWrite } from '#shared/kernel/store/child-write.ts';
import type { Page } from '#shared/kernel/store/pagination.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import type { Complaint } from '#shared/supervision/domain/complaint.ts';
import type { Evaluation, EvaluationFile } from '#shared/supervision/domain/evaluation.ts';
import { awaitsReport, type SupervisionMatter } from '#shared/supervision/domain/matter.ts';
import type { OpenReferral } from '#shared/supervision/domain/referral.ts';
import {
  evaluationCount,
  matterCounts,
  type SupervisionCount,
  type SupervisionCounts,
  type SupervisionReport,
} from '#shared/supervision/domain/supervision-report.ts';
import type { ComplaintRepository } from '#shared/supervision/store/complaint-repository.ts';
import type { EvaluationRepository } from '#shared/supervision/store/evaluation-repository.ts';
import type { MatterRepository, OpenRectification } from '#shared/supervision/store/matter-repository.ts';
import type { SupervisionYearRepository } from '#shared/supervision/store/supervision-year-repository.ts';
import {
  byteOrder,
  copy,
  type MemoryWrite,
  memoryChildWrite,
  memoryWriteOf,
  pageOf,
  versionedPut,
} from '#test/fakes/memory.ts';

/** The supervisory bodies' years in memory (SUP-6): counters per body, year and agency, and the reports. */
export class InMemorySupervisionYears implements Port<SupervisionYearRepository> {
  readonly #counters = new Map<
    string,
    { bodyId: string; agencyId: string; year: number; counts: SupervisionCounts }
  >();
  readonly #reports = new Map<string, SupervisionReport>();

  /** What the stores' transactions add, applied with the rest of their writes. */
  add(counted: readonly SupervisionCount[]): void {
    for (const { bodyId, agencyId, year, counts } of counted) {
      const key = `${bodyId}#${year}#${agencyId}`;
      const row = this.#counters.get(key) ?? { bodyId, agencyId, year, counts: {} };
      for (const [name, value] of Object.entries(counts)) row.counts[name] = (row.counts[name] ?? 0) + value;
      this.#counters.set(key, row);
    }
  }

  async counters(bodyId: string, year: number): Promise<{ agencyId: string; counts: SupervisionCounts }[]> {
    return [...this.#counters.values()]
      .filter((row) => row.bodyId === bodyId && row.year === year)
      .sort((a, b) => byteOrder(a.agencyId, b.agencyId))
      .map(({ agencyId, counts }) => ({ agencyId, counts: copy(counts) }));
  }

  async bodiesWithData(year: number): Promise<string[]> {
    return [
      ...new Set([...this.#counters.values()].filter((row) => row.year === year).map((row) => row.bodyId)),
    ];
  }

  async report(bodyId: string, year: number): Promise<SupervisionReport | undefined> {
    const report = this.#reports.get(`${bodyId}#${year}`);
    return report ? copy(report) : undefined;
  }

  async publish(report: SupervisionReport): Promise<void> {
    const key = `${report.bodyId}#${report.year}`;
    if (this.#reports.has(key)) throw new Conflict('该年度的监督报告已发布');
    this.#reports.set(key, copy(report));
  }
}

/** Complaints in memory (SUP-1): the contract of test/contracts/complaint-repository.ts. */
export class InMemoryComplaints implements Port<ComplaintRepository> {
  readonly #complaints = new Map<string, Complaint>();
  readonly #receipts = new Map<string, string>();
  readonly #addresses = new Map<string, number>();
  readonly #years: InMemorySupervisionYears;

  constructor(years = new InMemorySupervisionYears()) {
    this.#years = years;
  }

  async create(
    complaint: Complaint,
    receipt: string,
    counted: readonly SupervisionCount[] = [],
  ): Promise<void> {
    const key = `${complaint.agencyId}#${complaint.complaintId}`;
    if (this.#complaints.has(key) || this.#receipts.has(receipt)) throw new StaleWrite('投诉已存在');
    this.#complaints.set(key, copy(complaint));
    this.#receipts.set(receipt, key);
    this.#years.add(counted);
  }

  async get(agencyId: string, complaintId: string): Promise<Complaint | undefined> {
    const complaint = this.#complaints.get(`${agencyId}#${complaintId}`);
    return complaint ? copy(complaint) : undefined;
  }

  async byReceipt(receipt: string): Promise<Complaint | undefined> {
    const key = this.#receipts.get(receipt);
    const complaint = key ? this.#complaints.get(key) : undefined;
    return complaint ? copy(complaint) : undefined;
  }

  async update(
    complaint: Complaint,
    previousVersion: number,
    counted: readonly SupervisionCount[] = [],
  ): Promise<void> {
    const key = `${complaint.agencyId}#${complaint.complaintId}`;
    if (this.#complaints.get(key)?.version !== previousVersion)
      throw new StaleWrite('投诉已被他人处理，请刷新后重试');
    this.#complaints.set(key, copy(complaint));
    this.#years.add(counted);
  }

  async list(agencyId: string, limit: number, cursor?: string): Promise<Page<Complaint>> {
    const mine = [...this.#complaints.values()]
      .filter((complaint) => complaint.agencyId === agencyId)
      .sort((a, b) => byteOrder(b.complaintId, a.complaintId));
    return pageOf(mine, limit, cursor);
  }

  async unansweredBefore(agencyId: string, date: string): Promise<Complaint[]> {
    return [...this.#complaints.values()]
      .filter((c) => c.agencyId === agencyId && c.status === 'received' && c.answerBy < date)
      .sort((a, b) => byteOrder(`${a.answerBy}#${a.complaintId}`, `${b.answerBy}#${b.complaintId}`))
      .map(copy);
  }

  async countFromAddress(address: string, date: string, limit: number): Promise<boolean> {
    const key = `${address}#${date}`;
    const filed = this.#addresses.get(key) ?? 0;
    if (filed >= limit) return false;
    this.#addresses.set(key, filed + 1);
    return true;
  }
}

/** Supervision matters in memory (SUP-2, SUP-3): the contract of test/contracts/matter-repository.ts. */
export class InMemoryMatters implements Port<MatterRepository> {
  readonly #matters = new Map<string, SupervisionMatter>();
  readonly #journals = new Map<string, JournalEntry[]>();
  readonly #referrals = new Map<string, OpenReferral>();
  readonly #years: InMemorySupervisionYears;

  constructor(years = new InMemorySupervisionYears()) {
    this.#years = years;
  }

  #transact(
    before: SupervisionMatter | undefined,
    matter: SupervisionMatter,
    write: MemoryWrite,
    entry: JournalEntry,
    children: ChildWrite[],
    conflict: string,
  ) {
    const writes = [write, ...children.map(memoryWriteOf)];
    if (!writes.every((each) => each.holds())) throw new StaleWrite(conflict);
    for (const each of writes) each.apply();
    this.#journals.set(matter.matterId, [...(this.#journals.get(matter.matterId) ?? []), copy(entry)]);
    this.#years.add(matterCounts(before, matter));
  }

  async create(matter: SupervisionMatter, entry: JournalEntry): Promise<void> {
    const write = versionedPut(this.#matters, matter.matterId, matter, undefined);
    this.#transact(undefined, matter, write, entry, [], '监督事项已存在');
  }

  opening(matter: SupervisionMatter, entry: JournalEntry): ChildWrite[] {
    const put = versionedPut(this.#matters, matter.matterId, matter, undefined);
    return [
      memoryChildWrite({
        holds: put.holds,
        apply: () => {
          put.apply();
          this.#journals.set(matter.matterId, [copy(entry)]);
          this.#years.add(matterCounts(undefined, matter));
        },
      }),
    ];
  }

  async commit(
    current: SupervisionMatter,
    next: SupervisionMatter,
    entry: JournalEntry,
    children: ChildWrite[] = [],
  ): Promise<void> {
    const write = versionedPut(this.#matters, next.matterId, next, current);
    this.#transact(current, next, write, entry, children, '监督事项已被他人修改，请刷新后重试');
  }

  committing(
    current: SupervisionMatter,
    next: SupervisionMatter,
    entry: JournalEntry,
    children: ChildWrite[] = [],
  ): ChildWrite[] {
    const write = versionedPut(this.#matters, next.matterId, next, current);
    const writes = [write, ...children.map(memoryWriteOf)];
    return [
      memoryChildWrite({
        holds: () => writes.every((each) => each.holds()),
        apply: () => {
          for (const each of writes) each.apply();
          this.#journals.set(next.matterId, [...(this.#journals.get(next.matterId) ?? []), copy(entry)]);
          this.#years.add(matterCounts(current, next));
        },
      }),
    ];
  }

  async openReferral(agencyId: string, caseId: string): Promise<OpenReferral | undefined> {
    const open = this.#referrals.get(`${agencyId}#${caseId}`);
    return open ? copy(open) : undefined;
  }

  lockReferral(referral: OpenReferral): ChildWrite {
    const key = `${referral.agencyId}#${referral.caseId}`;
    return memoryChildWrite({
      holds: () => !this.#referrals.has(key),
      apply: () => void this.#referrals.set(key, copy(referral)),
    });
  }

  releaseReferral(referral: OpenReferral): ChildWrite {
    const key = `${referral.agencyId}#${referral.caseId}`;
    return memoryChildWrite({
      holds: () => this.#referrals.get(key)?.referralId === referral.referralId,
      apply: () => void this.#referrals.delete(key),
    });
  }

  async get(matterId: string): Promise<SupervisionMatter | undefined> {
    const matter = this.#matters.get(matterId);
    return matter ? copy(matter) : undefined;
  }

  async matterOfOpinion(opinionId: string): Promise<string | undefined> {
    return [...this.#matters.values()].find((matter) =>
      matter.opinions.some((opinion) => opinion.opinionId === opinionId),
    )?.matterId;
  }

  async list(
    agencyId: string,
    limit: number,
    cursor?: string,
    byBody?: string,
  ): Promise<Page<SupervisionMatter>> {
    const mine = [...this.#matters.values()]
      .filter(
        (matter) =>
          matter.agencyId === agencyId && (byBody === undefined || matter.supervisorAgencyId === byBody),
      )
      .sort((a, b) => byteOrder(b.matterId, a.matterId));
    return pageOf(mine, limit, cursor);
  }

  async openRectificationsBefore(agencyId: string, date: string): Promise<OpenRectification[]> {
    return [...this.#matters.values()]
      .filter((matter) => matter.agencyId === agencyId)
      .flatMap((matter) =>
        matter.opinions
          .filter((opinion) => awaitsReport(opinion) && opinion.rectifyBy < date)
          .map(({ opinionId, number, rectifyBy }) => ({
            opinionId,
            matterId: matter.matterId,
            agencyId,
            supervisorAgencyId: matter.supervisorAgencyId,
            number,
            rectifyBy,
          })),
      )
      .sort((a, b) => byteOrder(`${a.rectifyBy}#${a.opinionId}`, `${b.rectifyBy}#${b.opinionId}`));
  }

  async openRectificationsOfBodyBefore(bodyId: string, date: string): Promise<OpenRectification[]> {
    const ofBody = [...this.#matters.values()].filter((matter) => matter.supervisorAgencyId === bodyId);
    const agencies = [...new Set(ofBody.map((matter) => matter.agencyId))];
    const open = await Promise.all(agencies.map((agencyId) => this.openRectificationsBefore(agencyId, date)));
    return open
      .flat()
      .filter((row) => row.supervisorAgencyId === bodyId)
      .sort((a, b) => byteOrder(`${a.rectifyBy}#${a.opinionId}`, `${b.rectifyBy}#${b.opinionId}`));
  }

  async journal(matterId: string): Promise<JournalEntry[]> {
    return copy(this.#journals.get(matterId) ?? []);
  }
}

/** Case-file evaluations in memory (SUP-4): one transaction per change, as in DynamoDB. */
export class InMemoryEvaluations implements Port<EvaluationRepository> {
  readonly #evaluations = new Map<string, Evaluation>();
  readonly #files = new Map<string, EvaluationFile>();
  readonly journals = new Map<string, JournalEntry[]>();
  readonly #years: InMemorySupervisionYears;

  constructor(years = new InMemorySupervisionYears()) {
    this.#years = years;
  }

  async create(evaluation: Evaluation, files: readonly EvaluationFile[], entry: JournalEntry): Promise<void> {
    if (this.#evaluations.has(evaluation.id)) throw new StaleWrite('评查已存在');
    this.#evaluations.set(evaluation.id, copy(evaluation));
    for (const file of files) this.#files.set(`${file.evaluationId}#${file.caseId}`, copy(file));
    this.journals.set(evaluation.id, [copy(entry)]);
    this.#years.add([evaluationCount(evaluation)]);
  }

  async get(id: string): Promise<{ evaluation: Evaluation; files: EvaluationFile[] } | undefined> {
    const evaluation = this.#evaluations.get(id);
    if (!evaluation) return undefined;
    const files = [...this.#files.values()]
      .filter((file) => file.evaluationId === id)
      .sort((a, b) => a.order - b.order)
      .map(copy);
    return { evaluation: copy(evaluation), files };
  }

  async score(
    previous: Evaluation,
    next: Evaluation,
    previousFile: EvaluationFile,
    file: EvaluationFile,
    entry: JournalEntry,
    children: ChildWrite[] = [],
  ): Promise<void> {
    const key = `${file.evaluationId}#${file.caseId}`;
    const writes = children.map(memoryWriteOf);
    if (
      this.#evaluations.get(previous.id)?.version !== previous.version ||
      this.#files.get(key)?.version !== previousFile.version ||
      !writes.every((write) => write.holds())
    )
      throw new StaleWrite('评查已被他人更新，请刷新后重试');
    this.#evaluations.set(next.id, copy(next));
    this.#files.set(key, copy(file));
    this.journals.get(next.id)?.push(copy(entry));
    for (const write of writes) write.apply();
  }

  async ofAgency(agencyId: string, limit: number, cursor?: string): Promise<Page<Evaluation>> {
    const mine = [...this.#evaluations.values()]
      .filter((evaluation) => evaluation.agencyId === agencyId)
      .sort((a, b) => byteOrder(`${b.createdAt}#${b.id}`, `${a.createdAt}#${a.id}`));
    return pageOf(mine, limit, cursor);
  }

  async ofYear(evaluatorAgencyId: string, year: number): Promise<Evaluation[]> {
    return [...this.#evaluations.values()]
      .filter((evaluation) => evaluation.evaluatorAgencyId === evaluatorAgencyId && evaluation.year === year)
      .sort((a, b) => byteOrder(`${a.createdAt}#${a.id}`, `${b.createdAt}#${b.id}`))
      .map(copy);
  }
}
