import * as z from 'zod';
import { addCalendarDays, addCalendarMonths, LegalDate } from '#shared/kernel/dates.ts';
import { labelledEnum } from '#shared/kernel/labelled-enum.ts';

/** Enforcement categories (执法类别): the case categories of docs/api.md. */
export const ENFORCEMENT_CATEGORIES = [
  'penalty',
  'licensing',
  'inspection',
  'coercion',
  'levy',
  'requisition',
  'other',
] as const;
export type EnforcementCategory = (typeof ENFORCEMENT_CATEGORIES)[number];

export const categoryLabels: Record<EnforcementCategory, string> = {
  penalty: '行政处罚',
  licensing: '行政许可',
  inspection: '行政检查',
  coercion: '行政强制',
  levy: '行政征收',
  requisition: '行政征用',
  other: '其他行政执法',
};

/** A category as a code, or as its Chinese label. */
export const EnforcementCategory = labelledEnum(ENFORCEMENT_CATEGORIES, categoryLabels, { 其他: 'other' });

/**
 * Certificate numbers appear in keys and URLs: no whitespace, slashes, `#`, `?` or `%`. They are
 * kept in capitals, so that one typed in small letters from a card (yn-cn-mz-0002) is the same.
 */
export const CertificateNo = z
  .string()
  .trim()
  .toUpperCase()
  .min(1)
  .max(64)
  .regex(/^[^\s/#?%]+$/, { error: '证件编号不能包含空格、/、#、? 或 %' });

const Text = (max: number) => z.string().trim().min(1).max(max);

export const OfficerInput = z
  .strictObject({
    name: Text(50),
    unitId: Text(64),
    position: Text(50),
    certificateNo: CertificateNo,
    categories: z
      .array(EnforcementCategory)
      .min(1)
      .max(ENFORCEMENT_CATEGORIES.length)
      .refine((list) => new Set(list).size === list.length, { error: '执法类别不能重复' }),
    region: Text(100),
    validFrom: LegalDate,
    validTo: LegalDate,
    userId: Text(128).optional(),
  })
  .refine((officer) => officer.validTo >= officer.validFrom, {
    error: '有效期截止日期不能早于起始日期',
    path: ['validTo'],
  });
export type OfficerInput = z.infer<typeof OfficerInput>;

/** What is stored: the certificate as issued, and the last decision on it. */
export const StoredStatus = z.enum(['valid', 'suspended', 'revoked']);
export type StoredStatus = z.infer<typeof StoredStatus>;

export interface StatusChange {
  status: StoredStatus;
  reason: string;
  at: string;
  by: string;
  validTo?: string;
}

export interface Officer extends OfficerInput {
  agencyId: string;
  status: StoredStatus;
  statusHistory: StatusChange[];
  createdAt: string;
  createdBy: string;
  version: number;
}

/** What a certificate is worth on a given day; expiry is computed, never stored. */
export type EffectiveStatus = StoredStatus | 'expired' | 'not-yet-valid';

export const statusLabels: Record<EffectiveStatus, string> = {
  valid: '有效',
  suspended: '暂扣',
  revoked: '已吊销',
  expired: '已过期',
  'not-yet-valid': '尚未生效',
};

export function effectiveStatus(
  officer: Pick<Officer, 'status' | 'validFrom' | 'validTo'>,
  today: string,
): EffectiveStatus {
  if (officer.status !== 'valid') return officer.status;
  if (today > officer.validTo) return 'expired';
  if (today < officer.validFrom) return 'not-yet-valid';
  return 'valid';
}

export const StatusChangeInput = z.strictObject({
  status: StoredStatus,
  reason: Text(500),
  /** An annual audit (审验) that renews the certificate sets its new end date. */
  validTo: LegalDate.optional(),
});
export type StatusChangeInput = z.infer<typeof StatusChangeInput>;

/**
 * How long a certificate may be valid: many provinces' 行政执法证件管理办法 issue it for five years
 * and renew it on audit; an agency's profile may set fewer (`certificateValidityYears`), never more.
 */
export const CERTIFICATE_VALIDITY_YEARS = 5;

/** The last day a certificate valid from `from` may run to (five years: 2025-01-01 to 2029-12-31). */
export function latestValidTo(from: string, years = CERTIFICATE_VALIDITY_YEARS): string {
  return addCalendarDays(addCalendarMonths(from, 12 * years), -1);
}

/** A revoked certificate is final; a new one must be issued. */
export function statusChangeRefusal(officer: Officer, change: StatusChangeInput): string | undefined {
  if (officer.status === 'revoked') return '证件已吊销，不能再变更状态';
  if (change.validTo !== undefined && change.validTo < officer.validFrom)
    return '有效期截止日期不能早于起始日期';
  return undefined;
}

export interface ActingContext {
  date: string;
  category: EnforcementCategory;
  region: string;
}

/**
 * May this officer act in a case of this category and region on this date (PUB-7, LAW-2)?
 * Returns the reason when not.
 */
export function qualificationRefusal(officer: Officer, acting: ActingContext): string | undefined {
  const status = effectiveStatus(officer, acting.date);
  if (status !== 'valid') return `执法证状态为${statusLabels[status]}`;
  if (!officer.categories.includes(acting.category)) {
    return `执法证不含${categoryLabels[acting.category]}类别`;
  }
  if (officer.region !== acting.region) return `执法证执法区域为${officer.region}，不含${acting.region}`;
  return undefined;
}
