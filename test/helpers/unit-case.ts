import { createHash } from 'node:crypto';
import { createDraft, publishChecklist } from '#shared/checklists/use-cases/checklists.ts';
import type { ActivityType } from '#shared/kernel/activity.ts';
import type { DomainError } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import {
  type OpinionInput,
  REVIEW_STANDARDS,
  type ReviewStandard,
} from '#shared/legal-review/domain/review.ts';
import { giveOpinion } from '#shared/legal-review/use-cases/review-rounds.ts';
import { recordReviewer } from '#shared/legal-review/use-cases/reviewers.ts';
import { submitReview } from '#shared/legal-review/use-cases/submit-review.ts';
import type { OfficerInput } from '#shared/organisation/domain/officer.ts';
import { registerOfficer } from '#shared/organisation/use-cases/officers.ts';
import type { CaseFlags, CaseInput } from '#shared/recording/domain/case.ts';
import type { CaseDocument } from '#shared/recording/domain/documents.ts';
import type { Proposal } from '#shared/recording/domain/proposal.ts';
import { addActivity, completeActivity } from '#shared/recording/use-cases/case-activities.ts';
import { createDocument } from '#shared/recording/use-cases/case-documents.ts';
import { registerDevice } from '#shared/recording/use-cases/devices.ts';
import { declareEvidence, receiveEvidence } from '#shared/recording/use-cases/evidence.ts';
import { registerCase } from '#shared/recording/use-cases/register-case.ts';
import { transitionCase } from '#shared/recording/use-cases/transition-case.ts';
import { inMemoryWorld } from '#test/fakes/in-memory-ports.ts';
import { countyReviewCatalog } from '#test/fixtures/checklists.ts';

/**
 * A county bureau in memory for the unit tests of the case, review, decision, publication and
 * evidence use cases, and a helper that walks a general-procedure penalty case to "pending
 * decision" through the real use cases (LAW-10, LAW-11, REC-4), as `local/demo/penalty-case.ts`
 * walks it over HTTP.
 */
export const AGENCY = 'changning-mzj';
export const UNIT = 'shswg';

export const person = (sub: string, roles: Principal['roles'], unitId = UNIT): Principal => ({
  sub,
  name: sub,
  agencyId: AGENCY,
  unitId,
  roles,
});

/** Who acts in the bureau. The two officers hold ZF-0001 and ZF-0002; the rest handle no case. */
export const cast = {
  admin: person('admin', ['admin'], 'dzbgs'),
  secondAdmin: person('admin-2', ['admin'], 'dzbgs'),
  handler: person('officer-wang', ['officer']),
  colleague: person('officer-li', ['officer']),
  head: person('head-liu', ['unit-head']),
  reviewer: person('reviewer-zhou', ['reviewer'], 'dzbgs'),
  secondReviewer: person('reviewer-sun', ['reviewer'], 'dzbgs'),
  leader: person('leader-chen', ['leader'], 'ldbz'),
} as const;

export const OFFICERS: [string, string] = ['ZF-0001', 'ZF-0002'];
export const DEVICE = 'DSJ-CN-0001';

/** A natural person with every kind of personal data the publication must not show (LAW-5). */
export const PARTY = {
  kind: 'person' as const,
  name: '杨某某',
  idNumber: '530524197805061235',
  phone: '13888886666',
  address: '昌宁县田园镇某村',
};

/** A fine of ¥20,000 on a person: major by the county catalog (R01) and entitled to a hearing. */
export const MAJOR_FINE: Proposal = {
  type: 'penalty',
  summary: '当事人经营的养老服务点未建立入院评估制度，经责令改正拒不改正，处罚款二万元。',
  legalBasis: '《养老机构管理办法》第四十六条',
  penalty: { kind: 'fine', amount: 20_000 },
};

/** A fine of ¥5,000 on a person: below the catalog's threshold and the hearing threshold. */
export const SMALL_FINE: Proposal = {
  type: 'penalty',
  summary: '当事人未按规定公示收费标准，处罚款五千元。',
  legalBasis: '《养老机构管理办法》第四十七条',
  penalty: { kind: 'fine', amount: 5_000 },
};

const certificate = (certificateNo: string, userId: string): OfficerInput => ({
  name: userId,
  unitId: UNIT,
  position: '科员',
  certificateNo,
  userId,
  categories: ['penalty', 'inspection', 'licensing', 'coercion'],
  region: '昌宁县',
  validFrom: '2024-01-01',
  validTo: '2028-12-31',
});

/**
 * The bureau: its profile and units, two penalty officers, two qualified reviewers, a registered
 * body camera and the county's review catalog in force (published by a second administrator).
 */
export async function unitBureau(start?: string) {
  const world = inMemoryWorld(start);
  const { ports } = world;
  await ports.agencies.put({
    agencyId: AGENCY,
    name: '昌宁县民政局',
    region: '昌宁县',
    units: [
      { id: UNIT, name: '社会事务股' },
      { id: 'shzzg', name: '社会组织管理股' },
      { id: 'dzbgs', name: '党政办公室' },
      { id: 'ldbz', name: '局领导班子' },
    ],
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: 'admin',
  });
  await registerOfficer(ports, cast.admin, certificate(OFFICERS[0], cast.handler.sub));
  await registerOfficer(ports, cast.admin, certificate(OFFICERS[1], cast.colleague.sub));
  for (const [index, reviewer] of [cast.reviewer, cast.secondReviewer].entries()) {
    await recordReviewer(ports, cast.admin, reviewer.sub, {
      name: reviewer.name,
      legalQualificationNo: `A2019530524000${index + 1}`,
      qualifiedOn: '2019-03-01',
    });
  }
  await registerDevice(ports, cast.admin, {
    deviceId: DEVICE,
    kind: 'body-camera',
    unitId: UNIT,
    custodian: cast.handler.sub,
  });
  const catalog = await createDraft(ports, cast.admin, {
    kind: 'review-catalog',
    title: '昌宁县民政局重大执法决定法制审核目录清单',
    items: countyReviewCatalog,
  });
  await publishChecklist(ports, cast.secondAdmin, catalog.id);
  return world;
}

export type UnitWorld = Awaited<ReturnType<typeof unitBureau>>;

/** Moves the world's clock on by some minutes (records of one case follow each other in time). */
export function tick(world: UnitWorld, minutes = 1): string {
  const next = new Date(world.clock.now().getTime() + minutes * 60_000).toISOString();
  world.clock.set(next);
  return next;
}

/**
 * An activity with its AV recorded and archived, then completed (REC-4, REC-6): declared by the
 * handler, the bytes put to the signed URL, the arrival checked, the activity completed.
 */
export async function recordedActivity(
  world: UnitWorld,
  caseId: string,
  type: ActivityType,
  by: Principal = cast.handler,
) {
  const { ports } = world;
  const informing = { certificatesShown: true, documentShown: true, rightsExplained: true };
  const activity = await addActivity(ports, by, caseId, {
    type,
    officers: OFFICERS,
    location: '昌宁县田园镇某村养老服务点',
    informing,
  });
  const bytes = Buffer.from(`执法记录仪录像：${type} ${activity.id}`);
  const evidence = await declareEvidence(ports, by, caseId, {
    activityId: activity.id,
    fileName: `${type}.mp4`,
    contentType: 'video/mp4',
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    capturedAt: ports.now().toISOString(),
    deviceId: DEVICE,
    officer: OFFICERS[0],
    fullProcess: true,
  });
  const { key, versionId } = ports.storage.upload(evidence.upload.url, bytes);
  await receiveEvidence(ports, key, versionId);
  await completeActivity(ports, by, caseId, activity.id, { informing });
  return { activity, evidence, bytes };
}

/** The statutory steps a test may leave out, to see the decision refused for them. */
export type WalkStep =
  | 'investigation'
  | 'prior-notice'
  | 'service'
  | 'statement'
  | 'hearing-waiver'
  | 'collective-discussion';

export interface WalkOptions {
  party?: CaseInput['party'];
  flags?: CaseFlags;
  amountInvolved?: number;
  /** Investigate on site with archived AV (default), or by an interview (no AV) and its record. */
  av?: boolean;
  /** Steps to leave out. */
  omit?: readonly WalkStep[];
  /** The structured penalty of the prior notice, which binds the decision; a fine of ¥1,000,000 by default. */
  notifiedPenalty?: { kind: string; amount?: number };
}

/**
 * Registers a general-procedure penalty case and takes it to "pending decision" through the use
 * cases: investigation (on site with AV, and its record), prior notice and its service on site
 * with AV, the
 * party's statement, the hearing waived in writing and, for a complex or major case, the heads'
 * collective discussion. What is left to do is the review (if the catalog asks for one) and the
 * decision. Returns the case id and its documents by step.
 */
export async function readyForDecision(world: UnitWorld, options: WalkOptions = {}) {
  const { ports } = world;
  const omit = new Set(options.omit ?? []);
  const handler = cast.handler;
  const registered = await registerCase(ports, handler, {
    category: 'penalty',
    procedure: 'general',
    title: '杨某某养老服务点未建立入院评估制度案',
    party: options.party ?? PARTY,
    officers: OFFICERS,
    unitId: UNIT,
    ...(options.amountInvolved !== undefined ? { amountInvolved: options.amountInvolved } : {}),
    flags: options.flags ?? {},
  });
  const caseId = registered.id;
  await transitionCase(ports, handler, caseId, { to: 'investigating' });
  const record = (type: string, title: string, fields: Record<string, unknown>) => {
    tick(world);
    return createDocument(ports, handler, caseId, { type, title, fields });
  };
  const documents: Partial<Record<WalkStep, CaseDocument>> = {};
  if (!omit.has('investigation')) {
    if (options.av !== false) await recordedActivity(world, caseId, 'on-site-inspection');
    else
      await addActivity(ports, handler, caseId, {
        type: 'interview',
        officers: OFFICERS,
        location: '执法机关询问室',
      });
    const at = ports.now().toISOString();
    documents.investigation =
      options.av !== false
        ? await record('on-site-inspection-record', '现场检查笔录', {
            place: '昌宁县田园镇某村养老服务点',
            startedAt: at,
            endedAt: at,
            inspectedParty: PARTY.name,
            findings: '未建立入院评估制度，收住老人12人均无入院评估记录。',
          })
        : await record('interview-record', '询问笔录', {
            interviewee: '当事人',
            place: '执法机关询问室',
            startedAt: at,
            endedAt: at,
            questionsAndAnswers: [{ question: '是否建立入院评估制度？', answer: '没有。' }],
          });
  }
  if (!omit.has('prior-notice')) {
    documents['prior-notice'] = await record('penalty-prior-notice', '行政处罚事先告知书', {
      facts: '当事人未建立入院评估制度，经责令改正拒不改正。',
      legalBasis: MAJOR_FINE.legalBasis,
      proposedPenalty: '罚款',
      rights: '当事人享有陈述、申辩的权利；可在告知书送达之日起五个工作日内要求听证。',
      penalty: options.notifiedPenalty ?? { kind: 'fine', amount: 1_000_000 },
    });
    if (!omit.has('service')) {
      const notice = documents['prior-notice'];
      const { activity } = await recordedActivity(world, caseId, 'service');
      documents.service = await record('service-receipt', '送达回证', {
        documentId: notice.id,
        servedAt: ports.now().toISOString(),
        recipient: PARTY.name,
        method: 'direct',
        place: '当事人住所',
        activityId: activity.id,
      });
    }
  }
  if (!omit.has('statement'))
    documents.statement = await record('statement-record', '陈述申辩笔录', {
      statement: '当事人承认未建立入院评估制度，请求从轻处罚。',
    });
  if (!omit.has('hearing-waiver'))
    documents['hearing-waiver'] = await record('hearing-waiver', '放弃听证声明', {
      statement: '本人已知悉听证权利，放弃听证。',
      signedBy: PARTY.name,
    });
  const flags = options.flags ?? {};
  const collective =
    flags.complex || flags.majorPublicInterest || flags.majorSocialImpact || flags.majorRights;
  if (collective && !omit.has('collective-discussion'))
    documents['collective-discussion'] = await record('collective-discussion', '集体讨论记录', {
      heldAt: ports.now().toISOString(),
      participants: ['局长', '副局长', '党政办公室主任'],
      conclusion: '同意拟处罚意见。',
      minutes: '局务会议听取承办股室汇报，经集体讨论，同意拟处罚意见。',
    });
  tick(world);
  await transitionCase(ports, handler, caseId, { to: 'pending-decision' });
  return { caseId, documents };
}

/** An opinion's findings: every standard passes, except those given with their problem. */
export function findings(problems: Partial<Record<ReviewStandard, string>> = {}): OpinionInput['findings'] {
  return REVIEW_STANDARDS.map((standard) => {
    const note = problems[standard];
    return note ? { standard, result: 'problem' as const, note } : { standard, result: 'pass' as const };
  });
}

export const APPROVAL: OpinionInput = {
  findings: findings(),
  conclusion: 'approved',
  opinion: '执法主体合法，程序合法，事实清楚，证据充分，适用依据正确，裁量适当，同意作出处罚决定。',
};

/** The handler submits `proposal` for review with the prior notice as material; a reviewer approves it. */
export async function approvedReview(
  world: UnitWorld,
  caseId: string,
  materials: readonly CaseDocument[],
  proposal: Proposal = MAJOR_FINE,
  reviewer: Principal = cast.reviewer,
) {
  const submitted = await submitReview(world.ports, cast.handler, caseId, {
    proposal,
    materials: materials.map((document) => document.id),
  });
  tick(world);
  return giveOpinion(world.ports, reviewer, submitted.id, APPROVAL);
}

/** What a command that must be refused threw (a test fails if it was not refused). */
export const refusal = (promise: Promise<unknown>): Promise<DomainError> =>
  promise.then(
    () => {
      throw new Error('expected the command to be refused');
    },
    (error: unknown) => error as DomainError,
  );
