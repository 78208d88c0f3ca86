import * as z from 'zod';
import { isValidCreditCode } from '#shared/inspections/domain/credit-code.ts';
import { LegalDate } from '#shared/kernel/dates.ts';
import { CertificateNo } from '#shared/organisation/domain/officer.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);

/** A 统一社会信用代码, in capitals, with its GB 32100 check character right. */
export const CreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidCreditCode, { error: '统一社会信用代码有误：应为 18 位且校验码正确' });

/**
 * The categories a yearly limit is kept for (INS-3): an item of the random-inspections list is a
 * 双随机 random inspection, an inspection matter of the matters list a targeted one (重点检查).
 */
export const INSPECTION_CATEGORIES = ['random', 'targeted'] as const;
export type InspectionCategory = (typeof INSPECTION_CATEGORIES)[number];
export const inspectionCategoryLabels: Record<InspectionCategory, string> = {
  random: '双随机抽查',
  targeted: '重点检查',
};

/**
 * The exceptions the rules allow past the yearly limit (国办发〔2024〕54号: 投诉举报、转办交办、
 * 违法线索 and 突发事件): each with its reason, counted apart from the limit.
 */
export const LIMIT_EXCEPTIONS = ['complaint', 'clue', 'emergency'] as const;
export type LimitException = (typeof LIMIT_EXCEPTIONS)[number];
export const limitExceptionLabels: Record<LimitException, string> = {
  complaint: '投诉举报',
  clue: '违法线索',
  emergency: '突发事件',
};

export interface InspectionLimit {
  category: InspectionCategory;
  perYear: number;
}

/**
 * The yearly limits of on-site inspections of one enterprise by one agency (INS-3), per category:
 * the platform's default, which follows 国办发〔2024〕54号 (同一行政执法主体对同一企业的现场检查
 * 原则上每年不超过一定次数, set by the province): two of each until the province sets its own.
 */
export const DEFAULT_INSPECTION_LIMITS: readonly InspectionLimit[] = [
  { category: 'random', perYear: 2 },
  { category: 'targeted', perYear: 2 },
];

const uniqueOfficers = z
  .array(CertificateNo)
  .min(2, { error: '检查至少需要两名执法人员' })
  .max(20)
  .refine((list) => new Set(list).size === list.length, { error: '执法人员不能重复' });

/** `POST /v1/inspections` (INS-1, INS-3). */
export const InspectionInput = z
  .strictObject({
    enterpriseCreditCode: CreditCode,
    /** The enterprise's name, as the case names its party. */
    enterpriseName: Text(200),
    itemCode: Text(64),
    officers: uniqueOfficers,
    plannedOn: LegalDate,
    reason: Text(1000).optional(),
    /** The other agencies of a joint inspection (综合查一次): it counts once for each of them. */
    jointWith: z
      .array(Text(64))
      .max(10)
      .refine((list) => new Set(list).size === list.length, { error: '联合检查的机关不能重复' })
      .optional(),
    /** An exception the rules allow past the yearly limit; `reason` tells it. */
    exception: z.enum(LIMIT_EXCEPTIONS).optional(),
  })
  .refine((input) => input.exception === undefined || input.reason !== undefined, {
    path: ['reason'],
    error: '超出年度检查次数的例外情形须说明理由',
  });
export type InspectionInput = z.infer<typeof InspectionInput>;

export const INSPECTION_STATUSES = ['pending-approval', 'approved', 'started'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

export interface Inspection {
  id: string;
  agencyId: string;
  enterpriseCreditCode: string;
  enterpriseName: string;
  itemCode: string;
  category: InspectionCategory;
  officers: string[];
  /** The officers' names, as the enterprise sees who inspects it (INS-5). */
  officerNames: string[];
  /** The officers' accounts: who may scan the enterprise in, and who may not approve. */
  officerUsers: string[];
  plannedOn: string;
  /** The year whose counter the inspection is counted in. */
  year: number;
  reason?: string;
  jointWith?: string[];
  exception?: LimitException;
  /** The filed annual plan that holds the item (INS-2); none for an exception outside it. */
  plan?: { year: number; version: number };
  status: InspectionStatus;
  unitId?: string;
  createdBy: string;
  createdAt: string;
  approvedBy?: string;
  approvedByName?: string;
  approvedAt?: string;
  /** When the officer scanned the enterprise's code on site (INS-4). */
  startedAt?: string;
  caseId?: string;
  /** The enterprise's rating of the inspection (INS-5). */
  rating?: { score: number; comment?: string; ratedAt: string };
  version: number;
}

/** One enterprise's inspections by one agency in one year (INS-3): per category, and the exceptions. */
export interface InspectionCounter {
  counted: Partial<Record<InspectionCategory, number>>;
  exceptions: number;
}

/**
 * An enterprise the supervisory body is to look at (INS-3, SUP-5): inspected by one agency more
 * than once in a year in one category, or past the yearly limit as an exception. `since` is the
 * inspection that first raised it, `lastInspectionId` the latest one.
 */
export interface InspectionAlert extends InspectionCounter {
  agencyId: string;
  creditCode: string;
  enterpriseName: string;
  year: number;
  lastInspectionId: string;
  since: string;
}

/**
 * What the enterprise sees of an inspection of it (INS-5): who, when, on what and why by rule,
 * and its rating; never the agency's internal reason, accounts or case.
 */
export interface EnterpriseInspection {
  id: string;
  agencyId: string;
  itemCode: string;
  category: InspectionCategory;
  officers: { certificateNo: string; name: string }[];
  plannedOn: string;
  status: InspectionStatus;
  jointWith?: string[];
  exception?: LimitException;
  startedAt?: string;
  rating?: Inspection['rating'];
}

export function enterpriseView(inspection: Inspection): EnterpriseInspection {
  return {
    id: inspection.id,
    agencyId: inspection.agencyId,
    itemCode: inspection.itemCode,
    category: inspection.category,
    officers: inspection.officers.map((certificateNo, index) => ({
      certificateNo,
      name: inspection.officerNames[index] ?? '',
    })),
    plannedOn: inspection.plannedOn,
    status: inspection.status,
    ...(inspection.jointWith ? { jointWith: inspection.jointWith } : {}),
    ...(inspection.exception ? { exception: inspection.exception } : {}),
    ...(inspection.startedAt ? { startedAt: inspection.startedAt } : {}),
    ...(inspection.rating ? { rating: inspection.rating } : {}),
  };
}

/** `POST /v1/enterprise/inspections/{id}/rating` (INS-5). */
export const RatingInput = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: Text(500).optional(),
});
export type RatingInput = z.infer<typeof RatingInput>;
