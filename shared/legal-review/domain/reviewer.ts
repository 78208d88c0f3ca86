import * as z from 'zod';
import { LegalDate } from '#shared/kernel/dates.ts';

/** A reviewer's legal qualification and training (REV-6), kept by an administrator. */
export const ReviewerInput = z.strictObject({
  name: z.string().trim().min(1).max(50),
  /** 法律职业资格证书编号 */
  legalQualificationNo: z.string().trim().min(1).max(64).optional(),
  qualifiedOn: LegalDate.optional(),
  /** When this person began doing legal review; those who began before 2018 need no certificate. */
  reviewingSince: LegalDate.optional(),
  trainings: z
    .array(
      z.strictObject({
        title: z.string().trim().min(1).max(200),
        date: LegalDate,
        hours: z.number().positive().max(1000),
      }),
    )
    .max(500)
    .optional(),
});
export type ReviewerInput = z.infer<typeof ReviewerInput>;

export interface Reviewer extends ReviewerInput {
  userId: string;
  agencyId: string;
  updatedAt: string;
  updatedBy: string;
}

/**
 * 行政处罚法 art. 58 (LAW-3): people who take up legal review for the first time hold the
 * national legal qualification; the rule took effect on 2018-01-01 (法官法、检察官法及 2018 年统一法律
 * 职业资格考试实施办法), so those reviewing before then are not first-timers.
 */
export const QUALIFICATION_RULE_FROM = '2018-01-01';

export function reviewerRefusal(reviewer: Reviewer | undefined): string | undefined {
  if (!reviewer) return '审核人员尚未登记法律职业资格和培训情况';
  if (reviewer.legalQualificationNo) return undefined;
  if (reviewer.reviewingSince !== undefined && reviewer.reviewingSince < QUALIFICATION_RULE_FROM)
    return undefined;
  return '初次从事法制审核的人员应当取得法律职业资格';
}
