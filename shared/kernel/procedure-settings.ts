import * as z from 'zod';

/**
 * Local law that the procedure reads (per province; an agency keeps its province's values): the
 * amounts that make a fine or confiscation "较大数额" and so entitle the party to a hearing
 * (art. 63), and how long the party has to state and defend after the prior notice is served.
 */
export const ProcedureSettings = z.strictObject({
  /**
   * 较大数额 for a natural person, in yuan: at or above it, a fine or confiscation entitles to a
   * hearing. Capped, so that a setting cannot switch the hearing right off.
   */
  hearingAmountPerson: z
    .number()
    .nonnegative()
    .max(50_000, { error: '公民较大数额不得高于五万元' })
    .optional(),
  /** 较大数额 for a legal person or other organisation, in yuan (capped likewise). */
  hearingAmountOrganization: z
    .number()
    .nonnegative()
    .max(1_000_000, { error: '法人或其他组织较大数额不得高于一百万元' })
    .optional(),
  /** Working days after the prior notice is served in which the party may state and defend. */
  statementWorkingDays: z
    .number()
    .int()
    .min(3, { error: '陈述申辩期限不得少于三个工作日' })
    .max(30)
    .optional(),
  /**
   * The period, in months from the start of a calendar year (1, 3, 6 or 12), over which the simple
   * procedure's fines on one party add up against the art. 51 limit.
   */
  simpleProcedurePeriodMonths: z
    .union([z.literal(1), z.literal(3), z.literal(6), z.literal(12)], {
      error: '简易程序罚款累计期间须为1、3、6或12个月',
    })
    .optional(),
  /** Where these values come from (the province's rule). */
  source: z.string().trim().min(1).max(500).optional(),
});
export type ProcedureSettings = z.infer<typeof ProcedureSettings>;

/**
 * The national defaults, the stricter end of the provinces' rules: many provinces set 较大数额 at
 * ¥10,000 for a person and ¥100,000 for an organisation or higher; a lower threshold gives more
 * parties a hearing, so ¥10,000 and ¥50,000 are the defaults until a province's values are set.
 * The statement period follows 《市场监督管理行政处罚程序规定》 (five working days after service),
 * the same length as the hearing-request period of art. 64.
 */
export const DEFAULT_PROCEDURE_SETTINGS = {
  hearingAmountPerson: 10_000,
  hearingAmountOrganization: 50_000,
  statementWorkingDays: 5,
  simpleProcedurePeriodMonths: 12,
  source:
    '平台默认值：较大数额公民一万元、法人或其他组织五万元；陈述申辩期限参照《市场监督管理行政处罚程序规定》为送达后五个工作日；' +
    '同一当事人一个自然年度内以简易程序所受罚款合计不得超过《行政处罚法》第五十一条的限额（拆分处罚不得规避普通程序），' +
    '同一违法行为不得给予两次以上罚款（第二十九条）',
} as const satisfies Required<ProcedureSettings>;
