import { currentEdition } from '#shared/checklists/use-cases/checklists.ts';
import type { AgencyProfile } from '#shared/kernel/agency.ts';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { type ErrorDetail, Forbidden, RuleViolation, ValidationFailed } from '#shared/kernel/errors.ts';
import { type JournalEntry, nextEntry } from '#shared/kernel/journal.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { ChildWrite } from '#shared/kernel/store/child-write.ts';
import { withRetry } from '#shared/kernel/use-cases/retry.ts';
import { type EnforcementCategory, qualificationRefusal } from '#shared/organisation/domain/officer.ts';
import type { CaseInput, CaseRecord } from '#shared/recording/domain/case.ts';
import { assertMayHandle, type CasePorts, getCase } from '#shared/recording/use-cases/case-access.ts';

/**
 * The unit a case is registered in: the registering person's own; another unit only by an
 * administrator, and only one the agency's profile lists.
 */
export function caseUnit(
  principal: Principal,
  requested: string | undefined,
  profile: AgencyProfile | undefined,
): string | undefined {
  if (requested === undefined || requested === principal.unitId) return principal.unitId;
  if (!principal.roles.includes('admin')) {
    throw new Forbidden(`只能在本人所在股室（${principal.unitId ?? '无'}）登记案件，不能指定其他股室`);
  }
  if (profile && !profile.units.some((unit) => unit.id === requested)) {
    throw new ValidationFailed([{ path: 'unitId', message: '本机关没有该股室' }]);
  }
  return requested;
}

/**
 * At least two officers whose certificates are valid, for the case's category and region (LAW-2,
 * PUB-7), on every date given: the day the activity took place and the day it is recorded, so
 * that a date set back cannot bring an expired certificate back to life. Each officer has an
 * account, so that separation of duties knows who acted (LAW-12). Returns those accounts.
 */
export async function qualifiedOfficers(
  ports: Pick<CasePorts, 'officers'>,
  agencyId: string,
  certificateNos: readonly string[],
  acting: { dates: readonly string[]; category: EnforcementCategory; region: string | undefined },
  message = '执法人员不具备本案执法资格',
): Promise<string[]> {
  const details: ErrorDetail[] = [];
  const users: string[] = [];
  const dates = [...new Set(acting.dates)];
  await Promise.all(
    certificateNos.map(async (certificateNo, index) => {
      const officer = await ports.officers.get(agencyId, certificateNo);
      if (!officer) {
        details.push({ path: `officers.${index}`, message: `${certificateNo}：本机关没有该执法证` });
        return;
      }
      for (const date of dates) {
        const refusal = qualificationRefusal(officer, {
          date,
          category: acting.category,
          region: acting.region ?? officer.region,
        });
        if (refusal) {
          const when = dates.length > 1 ? `${date}：` : '';
          details.push({
            path: `officers.${index}`,
            message: `${officer.name}（${certificateNo}）：${when}${refusal}`,
          });
          break;
        }
      }
      if (officer.userId) users.push(officer.userId);
      else
        details.push({
          path: `officers.${index}`,
          message: `${officer.name}（${certificateNo}）：执法证未关联用户账号，无法落实回避，不能在案件中执法`,
        });
    }),
  );
  if (certificateNos.length < 2)
    details.push({ path: 'officers', message: '执法活动至少需要两名持有效执法证的执法人员' });
  if (details.length > 0) {
    throw new RuleViolation(
      'OFFICER_NOT_QUALIFIED',
      message,
      details.sort((a, b) => a.path.localeCompare(b.path)),
    );
  }
  return users;
}

/**
 * Inspection cases cite an item of a published checklist (LAW-9); other cases may cite a matter.
 * Returns the field (领域) the cited matter belongs to, if the list says.
 */
export async function citedMatterField(
  ports: CasePorts,
  agencyId: string,
  input: CaseInput,
): Promise<string | undefined> {
  if (input.matterId === undefined) {
    if (input.category === 'inspection') {
      throw new RuleViolation('MATTER_NOT_PUBLISHED', '行政检查必须依据已公布的检查事项', [
        { path: 'matterId', message: '请填写已公布的随机抽查事项或执法事项编码' },
      ]);
    }
    return undefined;
  }
  const kinds =
    input.category === 'inspection' ? (['random-inspections', 'matters'] as const) : (['matters'] as const);
  for (const kind of kinds) {
    const list = await currentEdition(ports, agencyId, kind);
    const item = list?.items.find((candidate) => candidate.code === input.matterId);
    if (item) return 'field' in item ? item.field : undefined;
  }
  throw new RuleViolation('MATTER_NOT_PUBLISHED', '所引用的事项不在已公布的清单中', [
    { path: 'matterId', message: `${input.matterId} 未公布` },
  ]);
}

/**
 * The case's field (REV-2): the cited matter's, else the agency's. It is data, not the officer's
 * choice: a field typed that is not that one is refused, so a catalog rule is not escaped by
 * calling the case something else. Without either, the case has no field and every rule's field
 * condition holds for it (the catalog fails closed).
 */
export function caseField(
  typed: string | undefined,
  matterField: string | undefined,
  profile: AgencyProfile | undefined,
): string | undefined {
  const field = matterField ?? profile?.field;
  if (typed !== undefined && typed !== field) {
    throw new ValidationFailed(
      [
        {
          path: 'field',
          message: field
            ? `案件所属领域取自所引用的执法事项或本机关的领域（${field}），不能另行填写`
            : '案件所属领域取自所引用的执法事项，所引用的事项未载明领域，不能另行填写',
        },
      ],
      '所属领域有误',
    );
  }
  return field;
}

function journalFor(
  record: CaseRecord,
  actor: Principal,
  at: Date,
  type: string,
  data: Record<string, unknown>,
): JournalEntry {
  return nextEntry(
    { seq: record.journalSeq, hash: record.journalHead },
    { at: at.toISOString(), actor: actor.sub, type, data },
  );
}

/** Applies a change to a case with its journal entry and child writes, in one transaction. */
export async function commitCaseChange(
  ports: CasePorts,
  record: CaseRecord,
  principal: Principal,
  type: string,
  data: Record<string, unknown>,
  change: Partial<CaseRecord> = {},
  children: ChildWrite[] = [],
): Promise<{ record: CaseRecord; entry: JournalEntry }> {
  const now = ports.now();
  const entry = journalFor(record, principal, now, type, data);
  const next: CaseRecord = {
    ...record,
    ...change,
    updatedAt: now.toISOString(),
    version: record.version + 1,
    journalSeq: entry.seq,
    journalHead: entry.hash,
  };
  await ports.cases.commit(record, next, entry, children);
  return { record: next, entry };
}

/**
 * LAW-2, PUB-7: the case's officers are qualified today, for every act in it, not only at
 * registration: a certificate suspended, revoked or expired mid-case stops the case until its
 * officers are replaced (`replaceCaseOfficers`).
 */
async function assertCaseOfficersQualified(ports: CasePorts, record: CaseRecord): Promise<void> {
  await qualifiedOfficers(
    ports,
    record.agencyId,
    record.officers,
    { dates: [legalDateOf(ports.now())], category: record.category, region: record.region },
    '本案执法人员已不具备执法资格，案件中止办理；须先更换本案执法人员',
  );
}

/**
 * The skeleton of every command on a case: read it afresh on each attempt, check that the caller
 * may write it and that the case's officers may still act in it (`officersAct: false` only for
 * what is not an act of the officers: a decision's revocation, evidence of an act already done),
 * make the change, and try again from the read when the commit lost a race.
 */
export function changeCase<T>(
  ports: CasePorts,
  principal: Principal,
  caseId: string,
  change: (record: CaseRecord) => Promise<T>,
  { officersAct = true }: { officersAct?: boolean } = {},
): Promise<T> {
  return withRetry(async () => {
    const record = await getCase(ports, principal.agencyId, caseId);
    assertMayHandle(record, principal);
    if (officersAct) await assertCaseOfficersQualified(ports, record);
    return change(record);
  });
}

/**
 * Replaces a case's officers (LAW-2): by the head of its unit or an administrator, with at least
 * two officers qualified today, with the reason journaled. What lets a case stopped by a
 * suspended or revoked certificate go on.
 */
export async function replaceCaseOfficers(
  ports: CasePorts,
  principal: Principal,
  caseId: string,
  input: { officers: string[]; reason: string },
): Promise<CaseRecord> {
  return changeCase(
    ports,
    principal,
    caseId,
    async (record) => {
      const head = principal.roles.includes('unit-head') && record.unitId === principal.unitId;
      if (!head && !principal.roles.includes('admin'))
        throw new Forbidden('只有承办股室负责人或管理员可以更换本案执法人员');
      if (['closed', 'archived'].includes(record.status))
        throw new RuleViolation('CASE_CLOSED', '案件已结案，不能更换执法人员');
      const users = await qualifiedOfficers(ports, principal.agencyId, input.officers, {
        dates: [legalDateOf(ports.now())],
        category: record.category,
        region: record.region,
      });
      const { record: next } = await commitCaseChange(
        ports,
        record,
        principal,
        'case.officers-replaced',
        { from: record.officers, to: input.officers, reason: input.reason },
        { officers: input.officers, handlers: [...new Set([...record.handlers, ...users])] },
      );
      return next;
    },
    { officersAct: false },
  );
}

/**
 * The skeleton of every command on something of a case (a review, a publication, evidence): read
 * it and its case afresh on each attempt, make the change, and try again from the reads when the
 * commit lost a race. The siblings of `changeCase`.
 */
export function changeWithCase<Item extends { caseId: string }, T>(
  ports: CasePorts,
  agencyId: string,
  load: () => Promise<Item>,
  change: (item: Item, record: CaseRecord) => Promise<T>,
): Promise<T> {
  return withRetry(async () => {
    const item = await load();
    return change(item, await getCase(ports, agencyId, item.caseId));
  });
}

/** The case's authors with this person added (LAW-12: they never judge the case). */
export function authoredBy(record: CaseRecord, principal: Principal): Pick<CaseRecord, 'authors'> {
  const authors = record.authors ?? [];
  return { authors: authors.includes(principal.sub) ? authors : [...authors, principal.sub] };
}
