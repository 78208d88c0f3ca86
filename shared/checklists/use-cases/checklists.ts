import { ulid } from 'ulid';
import {
  CHECKLIST_STATUS_WORDS,
  type Checklist,
  type ChecklistDiff,
  type ChecklistStatus,
  type ChecklistSummary,
  checkItems,
  diffItems,
  inForceOn,
  MAX_DAYS_AHEAD,
  pointerOn,
  publicSummary,
  statusOn,
  summary,
} from '#shared/checklists/domain/checklist.ts';
import type { ChecklistItem, ChecklistKind } from '#shared/checklists/domain/checklist-kinds.ts';
import type { ChecklistRepository } from '#shared/checklists/store/checklist-repository.ts';
import { unitName } from '#shared/kernel/agency.ts';
import { addCalendarDays, dateText, legalDateOf } from '#shared/kernel/dates.ts';
import { Conflict, Forbidden, NotFound, RuleViolation, ValidationFailed } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import { effectiveStatus, statusLabels } from '#shared/organisation/domain/officer.ts';
import type { AgencyRepository } from '#shared/organisation/store/agency-repository.ts';
import type { OfficerRepository } from '#shared/organisation/store/officer-repository.ts';

export interface ChecklistPorts {
  checklists: Port<ChecklistRepository>;
  officers: Port<OfficerRepository>;
  agencies: Port<AgencyRepository>;
  now: () => Date;
}

export interface DraftInput {
  kind: ChecklistKind;
  title: string;
  items?: readonly unknown[];
}

/**
 * The officer list is generated from the registry (PUB-5), never typed twice: every officer
 * whose certificate is valid today.
 */
async function officerItems(ports: ChecklistPorts, agencyId: string): Promise<ChecklistItem[]> {
  const today = legalDateOf(ports.now());
  const profile = await ports.agencies.get(agencyId);
  const items: ChecklistItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await ports.officers.list(agencyId, 100, cursor);
    for (const officer of page.items) {
      if (effectiveStatus(officer, today) !== 'valid') continue;
      items.push({
        code: officer.certificateNo,
        name: officer.name,
        unit: unitName(profile, officer.unitId),
        position: officer.position,
        certificateNo: officer.certificateNo,
        categories: officer.categories,
        region: officer.region,
      });
    }
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

async function draftItems(
  ports: ChecklistPorts,
  agencyId: string,
  kind: ChecklistKind,
  items?: readonly unknown[],
) {
  if (kind === 'officers') {
    if (items !== undefined && items.length > 0) {
      throw new ValidationFailed([
        { path: 'items', message: '执法人员资格清单由执法人员库自动生成，不能手工填写' },
      ]);
    }
    return officerItems(ports, agencyId);
  }
  if (items === undefined) throw new ValidationFailed([{ path: 'items', message: '请填写清单事项' }]);
  const checked = checkItems(kind, items);
  if (checked.details.length > 0) throw new ValidationFailed(checked.details);
  return checked.items;
}

export async function createDraft(
  ports: ChecklistPorts,
  principal: Principal,
  input: DraftInput,
): Promise<Checklist> {
  const now = ports.now().toISOString();
  const checklist: Checklist = {
    id: ulid(),
    agencyId: principal.agencyId,
    kind: input.kind,
    title: input.title,
    items: await draftItems(ports, principal.agencyId, input.kind, input.items),
    status: 'draft',
    version: 1,
    createdAt: now,
    createdBy: principal.sub,
    editors: [principal.sub],
    updatedAt: now,
  };
  await ports.checklists.create(checklist);
  return checklist;
}

export async function getChecklist(ports: ChecklistPorts, agencyId: string, id: string): Promise<Checklist> {
  const checklist = await ports.checklists.get(agencyId, id);
  if (!checklist) throw new NotFound('清单不存在', [{ path: 'id', message: '未找到该清单' }]);
  return statusOn(checklist, legalDateOf(ports.now()));
}

export async function listChecklists(
  ports: ChecklistPorts,
  agencyId: string,
  filter: { kind?: ChecklistKind; status?: ChecklistStatus },
): Promise<ChecklistSummary[]> {
  const today = legalDateOf(ports.now());
  const all = (await ports.checklists.list(agencyId)).map((checklist) => statusOn(checklist, today));
  return all
    .filter((checklist) => (filter.kind ? checklist.kind === filter.kind : true))
    .filter((checklist) => (filter.status ? checklist.status === filter.status : true))
    .map(summary);
}

/**
 * Edits a draft, or, for the published list in force, starts its next version as a new draft
 * (动态管理). Refused with 409 when `expectedVersion` is stale.
 */
export async function editChecklist(
  ports: ChecklistPorts,
  principal: Principal,
  id: string,
  input: { title?: string; items?: readonly unknown[]; expectedVersion: number },
): Promise<Checklist> {
  const existing = await getChecklist(ports, principal.agencyId, id);
  if (existing.version !== input.expectedVersion) {
    throw new Conflict('清单已被他人修改，请刷新后重试', [
      { path: 'expectedVersion', message: `当前版本为 ${existing.version}` },
    ]);
  }
  if (existing.status === 'superseded') {
    throw new Conflict('该版本已被替代，请在现行版本上修改', [
      { path: 'id', message: '已替代的版本不能修改' },
    ]);
  }
  const items = await draftItems(ports, principal.agencyId, existing.kind, input.items);
  const now = ports.now().toISOString();
  if (existing.status === 'published') {
    const draft: Checklist = {
      id: ulid(),
      agencyId: existing.agencyId,
      kind: existing.kind,
      title: input.title ?? existing.title,
      items,
      status: 'draft',
      version: 1,
      basedOn: existing.id,
      createdAt: now,
      createdBy: principal.sub,
      editors: [principal.sub],
      updatedAt: now,
    };
    await ports.checklists.create(draft);
    return draft;
  }
  const edited: Checklist = {
    ...existing,
    title: input.title ?? existing.title,
    items,
    version: existing.version + 1,
    editors: [...new Set([...existing.editors, principal.sub])],
    updatedAt: now,
  };
  await ports.checklists.saveDraft(edited, existing.version);
  return edited;
}

/** Pre-publication check (审查, PUB-1/PUB-4): what must hold of a list's content before it goes out. */
async function prePublicationCheck(ports: ChecklistPorts, checklist: Checklist): Promise<void> {
  if (checklist.kind !== 'service-guides') return;
  const matters = await currentEdition(ports, checklist.agencyId, 'matters');
  const codes = new Set(matters?.items.map((item) => item.code) ?? []);
  const details = checklist.items.flatMap((item, index) =>
    'matterCode' in item && !codes.has(item.matterCode)
      ? [{ path: `items.${index}.matterCode`, message: `现行事项清单中没有事项 ${item.matterCode}` }]
      : [],
  );
  if (details.length > 0)
    throw new RuleViolation('UNKNOWN_MATTER', '服务指南引用的事项不在现行事项清单中', details);
}

/** The day a list takes effect: today unless the publisher names a later day, within a year. */
function effectiveDay(today: string, wanted: string | undefined): string {
  if (wanted === undefined || wanted === today) return today;
  const latest = addCalendarDays(today, MAX_DAYS_AHEAD);
  if (wanted < today || wanted > latest) {
    throw new ValidationFailed([
      {
        path: 'effectiveFrom',
        message:
          wanted < today
            ? `施行日期不能早于今天（${dateText(today)}）`
            : `施行日期不能晚于 ${dateText(latest)}（一年以内）`,
      },
    ]);
  }
  return wanted;
}

/**
 * Publishes a draft (PUB-1, PUB-4), in force today or from a later day (`effectiveFrom`): the
 * edition in force until then keeps it and gets its last day. While an edition waits for its
 * day, no other of the kind can be published: the publisher would not know which is to follow
 * which.
 */
export async function publishChecklist(
  ports: ChecklistPorts,
  principal: Principal,
  id: string,
  options: { expectedVersion?: number; effectiveFrom?: string } = {},
): Promise<Checklist> {
  const draft = await getChecklist(ports, principal.agencyId, id);
  if (draft.status !== 'draft')
    throw new Conflict('只有草稿可以发布', [
      { path: 'id', message: `这份清单${CHECKLIST_STATUS_WORDS[draft.status]}` },
    ]);
  if (options.expectedVersion !== undefined && draft.version !== options.expectedVersion) {
    throw new Conflict('清单已被他人修改，请刷新后重试', [
      { path: 'expectedVersion', message: `当前版本为 ${draft.version}` },
    ]);
  }
  if (draft.editors.includes(principal.sub)) throw new Forbidden('清单的编制人不能审核发布自己编制的清单');
  const now = ports.now();
  const today = legalDateOf(now);
  const effectiveFrom = effectiveDay(today, options.effectiveFrom);
  await prePublicationCheck(ports, draft);
  const before = await ports.checklists.current(principal.agencyId, draft.kind);
  const { inForce: pointer, next: waiting } = pointerOn(before, today);
  if (waiting) {
    throw new Conflict(`已有第 ${waiting.edition} 版定于 ${dateText(waiting.effectiveFrom)} 施行`, [
      { path: 'effectiveFrom', message: '在它施行之前不能再发布同类清单' },
    ]);
  }
  const inForce = pointer ? await ports.checklists.get(principal.agencyId, pointer.id) : undefined;
  const published: Checklist = {
    ...draft,
    status: 'published',
    version: draft.version + 1,
    edition: (pointer?.edition ?? 0) + 1,
    publishedAt: now.toISOString(),
    publishedBy: principal.sub,
    effectiveFrom,
    updatedAt: now.toISOString(),
  };
  const superseded: Checklist | undefined = inForce && {
    ...inForce,
    status: effectiveFrom === today ? 'superseded' : 'published',
    version: inForce.version + 1,
    effectiveTo: addCalendarDays(effectiveFrom, -1),
    updatedAt: now.toISOString(),
  };
  const edition = { id: published.id, edition: published.edition ?? 0 };
  const after =
    effectiveFrom === today
      ? { inForce: edition }
      : { ...(pointer ? { inForce: pointer } : {}), next: { ...edition, effectiveFrom } };
  await ports.checklists.publish(draft, published, superseded, { before, after });
  return published;
}

/** The edition of a kind in force now. */
export async function currentEdition(
  ports: ChecklistPorts,
  agencyId: string,
  kind: ChecklistKind,
): Promise<Checklist | undefined> {
  const { inForce } = pointerOn(await ports.checklists.current(agencyId, kind), legalDateOf(ports.now()));
  return inForce ? ports.checklists.get(agencyId, inForce.id) : undefined;
}

/** What the public sees: the edition in force today, or on `at`. Never a draft. */
export async function publicEdition(
  ports: ChecklistPorts,
  agencyId: string,
  kind: ChecklistKind,
  at?: string,
): Promise<Checklist> {
  const inForce = at ? inForceOn(await ports.checklists.editionSummaries(agencyId, kind), at) : undefined;
  const found =
    at === undefined
      ? await currentEdition(ports, agencyId, kind)
      : inForce?.edition !== undefined
        ? await ports.checklists.edition(agencyId, kind, inForce.edition)
        : undefined;
  if (!found) {
    throw new NotFound(at ? `${at} 没有现行有效的清单` : '该清单尚未发布', [
      { path: at ? 'at' : 'kind', message: '未找到已发布的清单' },
    ]);
  }
  return statusOn(found, legalDateOf(ports.now()));
}

/**
 * PUB-5: the officer list in force shows each certificate's status today, so a suspension,
 * revocation or expiry shows at once; the editions themselves keep what was published.
 */
export async function withLiveOfficerStatus(ports: ChecklistPorts, checklist: Checklist): Promise<Checklist> {
  if (checklist.kind !== 'officers' || checklist.status !== 'published') return checklist;
  const today = legalDateOf(ports.now());
  const items = await Promise.all(
    (checklist.items as ChecklistItem<'officers'>[]).map(async (item) => {
      const officer = await ports.officers.get(checklist.agencyId, item.certificateNo);
      const status = officer ? effectiveStatus(officer, today) : 'revoked';
      return { ...item, status, statusName: statusLabels[status], statusOn: today };
    }),
  );
  return { ...checklist, items };
}

export async function publicEditions(ports: ChecklistPorts, agencyId: string, kind: ChecklistKind) {
  const today = legalDateOf(ports.now());
  return (await ports.checklists.editionSummaries(agencyId, kind)).map((edition) =>
    publicSummary(statusOn(edition, today)),
  );
}

export async function editionByNumber(
  ports: ChecklistPorts,
  agencyId: string,
  kind: ChecklistKind,
  edition: number,
): Promise<Checklist> {
  const found = await ports.checklists.edition(agencyId, kind, edition);
  if (!found) throw new NotFound('该版本不存在', [{ path: 'edition', message: `没有第 ${edition} 版` }]);
  return statusOn(found, legalDateOf(ports.now()));
}

export async function diffEditions(
  ports: ChecklistPorts,
  agencyId: string,
  kind: ChecklistKind,
  from: number,
  to: number,
): Promise<{ from: ReturnType<typeof publicSummary>; to: ReturnType<typeof publicSummary> } & ChecklistDiff> {
  const [before, after] = await Promise.all([
    editionByNumber(ports, agencyId, kind, from),
    editionByNumber(ports, agencyId, kind, to),
  ]);
  return { from: publicSummary(before), to: publicSummary(after), ...diffItems(before.items, after.items) };
}
