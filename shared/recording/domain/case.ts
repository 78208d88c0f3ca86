import * as z from 'zod';
import { CASE_FLAGS, PARTY_KINDS } from '#shared/checklists/domain/checklist-kinds.ts';
import { ActivityType } from '#shared/kernel/activity.ts';
import { maskPersonName } from '#shared/kernel/desensitise.ts';
import { partyIdentifierRefusal } from '#shared/kernel/party-identifier.ts';
import { CertificateNo, EnforcementCategory } from '#shared/organisation/domain/officer.ts';
import type { AvRequirement } from '#shared/recording/domain/av-requirement.ts';
import type { CaseDocument } from '#shared/recording/domain/documents.ts';
import { PROCEDURES, type Procedure } from '#shared/recording/domain/procedure.ts';
import type { Proposal } from '#shared/recording/domain/proposal.ts';
import type { CaseStatus } from '#shared/recording/domain/state-machine.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);

export const Party = z.strictObject({
  kind: z.enum(PARTY_KINDS),
  name: Text(200),
  idNumber: Text(64),
  address: Text(200).optional(),
  phone: Text(50).optional(),
  /** A minor: nothing about the decision is published (LAW-5). */
  minor: z.boolean().optional(),
});
export type Party = z.infer<typeof Party>;

export const CaseFlags = z
  .strictObject(
    Object.fromEntries(CASE_FLAGS.map((flag) => [flag, z.boolean().optional()])) as Record<
      (typeof CASE_FLAGS)[number],
      z.ZodOptional<z.ZodBoolean>
    >,
  )
  .extend({
    majorProperty: z.boolean().optional(),
    /** The facts are a state or commercial secret: nothing is published (LAW-5). */
    secret: z.boolean().optional(),
  });
export type CaseFlags = z.infer<typeof CaseFlags>;

/** A case's or an activity's officers: certificate numbers, each once. */
export const CaseOfficers = z
  .array(CertificateNo)
  .min(1)
  .max(20)
  .refine((list) => new Set(list).size === list.length, { error: '执法人员不能重复' });

export const CaseInput = z
  .strictObject({
    category: EnforcementCategory,
    title: Text(200),
    /** 普通程序 or 简易程序 (行政处罚法 art. 51); `general` when not given. */
    procedure: z.enum(PROCEDURES).optional(),
    /**
     * The field (领域) the case is in, e.g. 养老服务: what a review-catalog rule's `field` matches.
     * It is the cited matter's field (or the agency's): given, it must be that one (REV-2).
     */
    field: Text(100).optional(),
    /** The matters or random-inspections checklist item the case acts on (LAW-9). */
    matterId: Text(64).optional(),
    /** The random draw (双随机) that chose this inspection (PUB-15): published with its result. */
    drawId: Text(64).optional(),
    party: Party,
    officers: CaseOfficers,
    amountInvolved: z.number().nonnegative().max(1e12).optional(),
    flags: CaseFlags.optional(),
    /** Where the case is; defaults to the agency's region. */
    region: Text(100).optional(),
    /** The handling unit; defaults to the caller's unit. */
    unitId: Text(64).optional(),
  })
  .refine((input) => input.procedure !== 'simple' || input.category === 'penalty', {
    path: ['procedure'],
    error: '简易程序仅适用于行政处罚案件',
  })
  // The party's kind is read from its identifier, not taken on trust (LAW-3, LAW-10).
  .superRefine((input, context) => {
    const refusal = partyIdentifierRefusal(input.party.kind, input.party.idNumber);
    if (refusal) context.addIssue({ code: 'custom', path: ['party', 'idNumber'], message: refusal });
  });
export type CaseInput = z.infer<typeof CaseInput>;

export interface CaseRecord {
  id: string;
  agencyId: string;
  category: CaseInput['category'];
  title: string;
  matterId?: string;
  drawId?: string;
  /** The inspection of an enterprise whose scan opened the case (INS-4). */
  inspectionId?: string;
  party: Party;
  /** 普通程序 when absent (cases registered before procedures were recorded). */
  procedure?: Procedure;
  field?: string;
  officers: string[];
  /**
   * Accounts that handled the case: its creator, its officers' users, and whoever wrote a record
   * or an activity or declared evidence in it. None of them reviews it or rules on it (LAW-12).
   */
  handlers: string[];
  /** Accounts that wrote a record or activity or declared evidence in the case (LAW-12), oldest first. */
  authors?: string[];
  unitId?: string;
  region?: string;
  amountInvolved?: number;
  flags: CaseFlags;
  status: CaseStatus;
  /** When the decision was executed (履行), published as its performance (PUB-10). */
  executedOn?: string;
  /** The day (北京时间) the case was closed: the period a case-file evaluation draws from (SUP-4). */
  closedOn?: string;
  /** A hearing was held: a hearing activity was completed, with its AV. */
  hearingHeld?: boolean;
  /** Legal reviews of this case, oldest first. */
  reviewIds?: string[];
  /** The last proposed decision that needed review: what a review submitted without one reviews. */
  proposal?: Proposal;
  /** The decision, once issued. */
  decision?: Decision;
  /** Decisions revoked and re-made (changed, remade), oldest first. */
  previousDecisions?: Decision[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  version: number;
  journalSeq: number;
  journalHead: string;
}

/**
 * 事中公示 (PUB-13): at an on-site activity the officers showed their certificates and the
 * enforcement document, explained the action and told the party of their rights.
 */
export const Informing = z.strictObject({
  certificatesShown: z.boolean(),
  /** The enforcement document shown, where the activity has one (出示执法文书). */
  documentShown: z.boolean().optional(),
  /** 陈述、申辩、听证、复议、诉讼 */
  rightsExplained: z.boolean(),
  note: Text(500).optional(),
});
export type Informing = z.infer<typeof Informing>;

export const ActivityInput = z.strictObject({
  type: ActivityType,
  officers: CaseOfficers,
  location: Text(200).optional(),
  startedAt: z.iso.datetime({ offset: true }).optional(),
  informing: Informing.optional(),
});
export type ActivityInput = z.infer<typeof ActivityInput>;

export interface Activity extends Omit<ActivityInput, 'startedAt'> {
  id: string;
  caseId: string;
  agencyId: string;
  status: 'open' | 'completed';
  startedAt: string;
  completedAt?: string;
  createdBy: string;
  /** When this was recorded: an activity may be recorded after it started, never before. */
  recordedAt?: string;
  /** The AV it needed when it was recorded (REC-4, REC-11), as the lists then in force said. */
  avRequirement?: AvRequirement;
  /** AV evidence of it has arrived in the archive (the statistics' AV coverage, REC-9). */
  avArchived?: boolean;
}

/** A natural person's name masked for display outside the case (张三 -> 张*). */
export function maskedName(party: Pick<Party, 'kind' | 'name'>): string {
  return party.kind === 'organization' ? party.name : maskPersonName(party.name);
}

export interface Decision {
  id: string;
  type: string;
  summary: string;
  legalBasis: string;
  penalty?: Proposal['penalty'];
  outsideDiscretionBenchmark?: boolean;
  decidedAt: string;
  decidedOn: string;
  decidedBy: string;
  reviewId?: string;
  publicationId: string;
  /** The decision's own document (决定书, REC-12), made when it was issued. */
  document?: { recordId: string; number: string; sha256: string };
  /** When it was revoked (changed, revoked, confirmed illegal or void, to be re-made): once only. */
  revokedAt?: string;
  /** How: only a decision `changed` or to be `remade` is decided again. */
  revocationKind?: 'changed' | 'revoked' | 'confirmed-illegal' | 'confirmed-void' | 'remade';
}

/** When the case's last decision was revoked, if it was: what is made again must come after it. */
export function lastRevocation(
  record: Pick<CaseRecord, 'decision' | 'previousDecisions'>,
): string | undefined {
  return [record.decision, ...(record.previousDecisions ?? [])]
    .map((decision) => decision?.revokedAt)
    .filter((at) => at !== undefined)
    .sort()
    .at(-1);
}

/** The case's last prior notice, made after its last revocation (a decision made again is notified again). */
export function latestNotice(
  record: Pick<CaseRecord, 'decision' | 'previousDecisions'>,
  documents: readonly CaseDocument[],
): CaseDocument | undefined {
  const since = lastRevocation(record);
  return documents
    .filter((document) => document.type === 'penalty-prior-notice')
    .filter((document) => since === undefined || document.createdAt > since)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .at(-1);
}
