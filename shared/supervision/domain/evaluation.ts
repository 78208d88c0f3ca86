import * as z from 'zod';
import { drawSample, poolDigest } from '#shared/inspections/domain/random-draw.ts';
import { LegalDate } from '#shared/kernel/dates.ts';
import type { ErrorDetail } from '#shared/kernel/errors.ts';
import type { CaseRecord } from '#shared/recording/domain/case.ts';

/**
 * Case-file evaluation (案卷评查, SUP-4): the supervisory body draws a seeded sample of an
 * agency's case files closed in a period and scores each against a rubric. The rubric is data:
 * items with their points and a pass mark. docs/supervision.md says where the default comes from.
 */
export interface RubricItem {
  itemId: string;
  label: string;
  maxPoints: number;
  /** What the evaluator looks at for this item. */
  guide: string;
}

export interface Rubric {
  rubricId: string;
  name: string;
  /** Where the rubric comes from. */
  source: string;
  /** A file scoring less is below the pass mark (不合格). */
  passMark: number;
  items: RubricItem[];
}

/**
 * The default rubric: the six items SUP-4 names (lawful agency and officers, procedure,
 * evidence, legal basis and discretion, documents, archiving) out of 100, 60 to pass. The items
 * are those of the case-file evaluations that 《行政执法监督条例》（国务院令第825号） asks the
 * supervisory body to hold and that 《提升行政执法质量三年行动计划（2023—2025年）》（国办发〔2023〕27号）
 * asks for yearly; the points are the platform's default weighting, which a province replaces
 * with the points of its own evaluation standard (评查标准) as a rubric of its own.
 */
export const DEFAULT_RUBRIC: Rubric = {
  rubricId: 'case-file-2026',
  name: '行政执法案卷评查标准（平台默认）',
  source:
    '《行政执法监督条例》（国务院令第825号）案卷评查；《提升行政执法质量三年行动计划（2023—2025年）》（国办发〔2023〕27号）。分值为平台默认，省级司法行政部门可另定',
  passMark: 60,
  items: [
    {
      itemId: 'agency-officers',
      label: '执法主体和执法人员合法',
      maxPoints: 10,
      guide: '执法主体适格，两名以上持有效执法证件的执法人员',
    },
    {
      itemId: 'procedure',
      label: '执法程序合法',
      maxPoints: 25,
      guide: '立案、调查、告知、听证、法制审核、决定、送达各环节依法定程序和期限',
    },
    {
      itemId: 'evidence',
      label: '证据确凿充分',
      maxPoints: 20,
      guide: '事实清楚，证据合法、充分，音像记录完整',
    },
    {
      itemId: 'basis-discretion',
      label: '适用依据正确、裁量适当',
      maxPoints: 20,
      guide: '法律依据准确具体，裁量符合基准',
    },
    {
      itemId: 'documents',
      label: '执法文书规范',
      maxPoints: 15,
      guide: '文书格式规范、内容完整、文号正确、签章齐全',
    },
    {
      itemId: 'archiving',
      label: '立卷归档规范',
      maxPoints: 10,
      guide: '案卷材料齐全，排列有序，及时归档',
    },
  ],
};

/** The rubrics an evaluation may use, by id. */
export const RUBRICS: Readonly<Record<string, Rubric>> = { [DEFAULT_RUBRIC.rubricId]: DEFAULT_RUBRIC };

export const rubricMaxPoints = (rubric: Rubric) =>
  rubric.items.reduce((sum, item) => sum + item.maxPoints, 0);

/** At most this many files in one draw: one evaluation and its files are written in one transaction. */
export const MAX_SAMPLE_SIZE = 30;
/** The longest period one evaluation draws from: a year (366 days with a leap day). */
const MAX_PERIOD_DAYS = 366;

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** `POST /v1/supervision/evaluations` (SUP-4). */
export const EvaluationInput = z
  .strictObject({
    agencyId: z.string().trim().min(1).max(64),
    from: LegalDate,
    to: LegalDate,
    sampleSize: z.number().int().min(1).max(MAX_SAMPLE_SIZE),
    rubricId: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .refine((id) => Object.hasOwn(RUBRICS, id), { error: '评查标准不存在' }),
    /** Given, the draw repeats an earlier one; absent, a new seed is generated and kept. */
    seed: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z-]{8,64}$/, { error: '随机种子应为 8 至 64 位字母、数字或连字符' })
      .optional(),
  })
  .refine((input) => input.from <= input.to, { path: ['to'], error: '结束日期不能早于开始日期' })
  .refine((input) => dayNumber(input.to) - dayNumber(input.from) < MAX_PERIOD_DAYS, {
    path: ['to'],
    error: '评查期间不能超过一年',
  });
export type EvaluationInput = z.infer<typeof EvaluationInput>;

/** `PUT /v1/supervision/evaluations/{id}/scores/{caseId}`: each rubric item's points. */
export const ScoreInput = z.strictObject({
  items: z
    .array(
      z.strictObject({
        itemId: z.string().trim().min(1).max(64),
        points: z.number().min(0).max(1000).multipleOf(0.5, { error: '分值以 0.5 分为单位' }),
        note: z.string().trim().max(200).optional(),
      }),
    )
    .min(1)
    .max(50),
});
export type ScoreInput = z.infer<typeof ScoreInput>;

/** Where one item of a score is wrong, by the rubric: each bad field named (400). */
export function scoreRefusals(rubric: Rubric, items: ScoreInput['items']): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    const rubricItem = rubric.items.find((candidate) => candidate.itemId === item.itemId);
    if (!rubricItem) details.push({ path: `items.${index}.itemId`, message: '评查标准中没有该评分项' });
    else if (seen.has(item.itemId))
      details.push({ path: `items.${index}.itemId`, message: `“${rubricItem.label}”重复评分` });
    else if (item.points > rubricItem.maxPoints)
      details.push({
        path: `items.${index}.points`,
        message: `“${rubricItem.label}”不能超过满分 ${rubricItem.maxPoints} 分`,
      });
    seen.add(item.itemId);
  }
  const missing = rubric.items.filter((item) => !seen.has(item.itemId));
  if (missing.length > 0)
    details.push({ path: 'items', message: `缺少评分项：${missing.map((item) => item.label).join('、')}` });
  return details;
}

/** The score of one file: its items, in the rubric's order, and their total. */
export interface FileScore {
  items: { itemId: string; label: string; points: number; maxPoints: number; note?: string }[];
  total: number;
  passed: boolean;
  scoredAt: string;
  scoredBy: string;
  scoredByName: string;
}

/** A valid score (`scoreRefusals` found nothing) as kept: the rubric's order, its labels and the total. */
export function scoreOf(
  rubric: Rubric,
  items: ScoreInput['items'],
  by: { at: string; sub: string; name: string },
): FileScore {
  const scored = rubric.items.map((rubricItem) => {
    const given = items.find((item) => item.itemId === rubricItem.itemId);
    return {
      itemId: rubricItem.itemId,
      label: rubricItem.label,
      points: given?.points ?? 0,
      maxPoints: rubricItem.maxPoints,
      ...(given?.note ? { note: given.note } : {}),
    };
  });
  const total = scored.reduce((sum, item) => sum + item.points, 0);
  return {
    items: scored,
    total,
    passed: total >= rubric.passMark,
    scoredAt: by.at,
    scoredBy: by.sub,
    scoredByName: by.name,
  };
}

/** A drawn case file, as the evaluator opens it, with its score once given. */
export interface EvaluationFile {
  evaluationId: string;
  /** Its place in the draw, from 1. */
  order: number;
  caseId: string;
  title: string;
  category: CaseRecord['category'];
  unitId?: string;
  closedOn: string;
  score?: FileScore;
  /** Scored below the pass mark (its latest score). */
  flagged?: boolean;
  /**
   * The supervision matter (SUP-2) its first score below the pass mark opened, in the score's
   * write; it stays when the file is scored again, so a file opens one matter at most.
   */
  supervisionMatterId?: string;
  version: number;
}

export const DRAW_SEED_BYTES = 16;

export interface Evaluation {
  id: string;
  /** The evaluated agency. */
  agencyId: string;
  agencyName: string;
  /** The supervisory body that draws and scores (the evaluator's agency). */
  evaluatorAgencyId: string;
  from: string;
  to: string;
  /** The year the ranking is of: the year of `to`. */
  year: number;
  rubric: Rubric;
  seed: string;
  algorithm: string;
  /** The closed files drawn from, and the SHA-256 of their ids in order, so the draw can be checked. */
  poolSize: number;
  poolSha256: string;
  sampleSize: number;
  /** Running totals over the scored files, kept with each score: what the ranking reads. */
  scored: number;
  points: number;
  failed: number;
  createdAt: string;
  createdBy: string;
  createdByName: string;
  version: number;
  journalSeq: number;
  journalHead: string;
}

/**
 * The draw (SUP-4): the period's closed files in the order of their ids, and the seeded partial
 * Fisher-Yates shuffle of the random inspections (PUB-15): the same seed over the same files
 * always draws the same sample, and `poolSha256` shows whether the files are the same.
 */
export function drawFiles(seed: string, closed: readonly CaseRecord[], sampleSize: number) {
  const pool = [...closed].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    poolSize: pool.length,
    poolSha256: poolDigest(pool.map((record) => record.id)),
    drawn: drawSample(seed, pool, sampleSize),
  };
}

/** The evaluation's totals: files scored of drawn, average, passed and failed. */
export function evaluationTotals(evaluation: Evaluation) {
  return {
    files: evaluation.sampleSize,
    scored: evaluation.scored,
    complete: evaluation.scored === evaluation.sampleSize,
    average: evaluation.scored > 0 ? Math.round((evaluation.points / evaluation.scored) * 10) / 10 : null,
    passed: evaluation.scored - evaluation.failed,
    failed: evaluation.failed,
    maxPoints: rubricMaxPoints(evaluation.rubric),
    passMark: evaluation.rubric.passMark,
  };
}

/**
 * The ranking of a supervisory body's evaluations of a year (SUP-4): each agency by its latest
 * evaluation with a scored file, the highest average first; ties share a place.
 */
export function rankingOf(evaluations: readonly Evaluation[]) {
  const latest = new Map<string, Evaluation>();
  for (const evaluation of [...evaluations].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1)))
    if (evaluation.scored > 0) latest.set(evaluation.agencyId, evaluation);
  const rows = [...latest.values()]
    .map((evaluation) => ({
      agencyId: evaluation.agencyId,
      agencyName: evaluation.agencyName,
      evaluationId: evaluation.id,
      average: evaluationTotals(evaluation).average ?? 0,
      scored: evaluation.scored,
      failed: evaluation.failed,
    }))
    .sort((a, b) => b.average - a.average || (a.agencyId < b.agencyId ? -1 : 1));
  return rows.map((row) => ({
    ...row,
    rank: 1 + rows.filter((other) => other.average > row.average).length,
  }));
}
