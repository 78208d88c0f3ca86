import { randomBytes } from 'node:crypto';
import { ulid } from 'ulid';
import { DRAW_ALGORITHM } from '#shared/inspections/domain/random-draw.ts';
import { Forbidden, NotFound, RuleViolation, ValidationFailed } from '#shared/kernel/errors.ts';
import { GENESIS_HASH, nextEntry } from '#shared/kernel/journal.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import { withRetry } from '#shared/kernel/use-cases/retry.ts';
import type { AgencyRepository } from '#shared/organisation/store/agency-repository.ts';
import type { CaseRepository } from '#shared/recording/store/case-repository.ts';
import {
  DRAW_SEED_BYTES,
  drawFiles,
  type Evaluation,
  type EvaluationFile,
  type EvaluationInput,
  evaluationTotals,
  RUBRICS,
  rankingOf,
  type ScoreInput,
  scoreOf,
  scoreRefusals,
} from '#shared/supervision/domain/evaluation.ts';
import type { EvaluationRepository } from '#shared/supervision/store/evaluation-repository.ts';
import type { MatterRepository } from '#shared/supervision/store/matter-repository.ts';
import { newMatter } from '#shared/supervision/use-cases/open-matter.ts';

export interface EvaluationPorts {
  evaluations: Port<EvaluationRepository>;
  cases: Pick<Port<CaseRepository>, 'closedBetween'>;
  agencies: Pick<Port<AgencyRepository>, 'get'>;
  matters: Pick<Port<MatterRepository>, 'opening'>;
  now: () => Date;
}

/**
 * Whether the caller evaluates `agencyId` (SUP-4): a supervisor of another body whose token
 * names the agency among those it supervises. An evaluator never evaluates their own agency's
 * files, whatever their token says.
 */
function assertEvaluates(principal: Principal, agencyId: string): void {
  if (principal.agencyId === agencyId) throw new Forbidden('评查人员不能评查本机关的案卷');
  if (!principal.roles.includes('supervisor') || !principal.supervises?.includes(agencyId))
    throw new Forbidden('只能评查本机关所监督机关的案卷');
}

async function found(ports: EvaluationPorts, id: string) {
  const evaluation = await ports.evaluations.get(id);
  if (!evaluation) throw new NotFound('案卷评查不存在', [{ path: 'id', message: '未找到该评查' }]);
  return evaluation;
}

/** An evaluation as it is read: its files with their scores, the totals and the year's ranking. */
async function view(ports: EvaluationPorts, evaluation: Evaluation, files: readonly EvaluationFile[]) {
  const ranking = rankingOf(await ports.evaluations.ofYear(evaluation.evaluatorAgencyId, evaluation.year));
  return {
    ...evaluation,
    files,
    totals: evaluationTotals(evaluation),
    flagged: files.filter((file) => file.flagged).map((file) => file.caseId),
    ranking: {
      rank: ranking.find((row) => row.agencyId === evaluation.agencyId)?.rank ?? null,
      rows: ranking,
    },
  };
}

/**
 * Draws an evaluation (SUP-4): the agency's case files closed in the period (a keyed range of
 * the closed files' index, never the agency's history), sampled with the seed given or a new
 * one, which is kept and shown so anyone can repeat the draw; the draw is the first entry of the
 * evaluation's journal.
 */
export async function drawEvaluation(ports: EvaluationPorts, principal: Principal, input: EvaluationInput) {
  assertEvaluates(principal, input.agencyId);
  const rubric = RUBRICS[input.rubricId];
  if (!rubric) throw new ValidationFailed([{ path: 'rubricId', message: '评查标准不存在' }]);
  const profile = await ports.agencies.get(input.agencyId);
  if (!profile) throw new NotFound('执法机关不存在', [{ path: 'agencyId', message: '未找到该执法机关' }]);
  const closed = await ports.cases.closedBetween(input.agencyId, input.from, input.to);
  if (closed.length === 0)
    throw new RuleViolation('NO_CLOSED_CASES', '该期间没有已结案的案卷可供评查', [
      { path: 'from', message: `${input.from} 至 ${input.to} 没有结案的案卷` },
    ]);
  const seed = input.seed ?? randomBytes(DRAW_SEED_BYTES).toString('hex');
  const { poolSize, poolSha256, drawn } = drawFiles(seed, closed, input.sampleSize);
  const now = ports.now().toISOString();
  const id = ulid();
  const entry = nextEntry(
    { seq: 0, hash: GENESIS_HASH },
    {
      at: now,
      actor: principal.sub,
      type: 'evaluation.drawn',
      data: {
        agencyId: input.agencyId,
        from: input.from,
        to: input.to,
        rubricId: rubric.rubricId,
        seed,
        poolSize,
        poolSha256,
        caseIds: drawn.map((record) => record.id),
      },
    },
  );
  const evaluation: Evaluation = {
    id,
    agencyId: input.agencyId,
    agencyName: profile.name,
    evaluatorAgencyId: principal.agencyId,
    from: input.from,
    to: input.to,
    year: Number(input.to.slice(0, 4)),
    rubric,
    seed,
    algorithm: DRAW_ALGORITHM,
    poolSize,
    poolSha256,
    sampleSize: drawn.length,
    scored: 0,
    points: 0,
    failed: 0,
    createdAt: now,
    createdBy: principal.sub,
    createdByName: principal.name,
    version: 1,
    journalSeq: entry.seq,
    journalHead: entry.hash,
  };
  const files: EvaluationFile[] = drawn.map((record, index) => ({
    evaluationId: id,
    order: index + 1,
    caseId: record.id,
    title: record.title,
    category: record.category,
    ...(record.unitId ? { unitId: record.unitId } : {}),
    closedOn: record.closedOn ?? input.to,
    version: 1,
  }));
  await withRetry(() => ports.evaluations.create(evaluation, files, entry));
  return view(ports, evaluation, files);
}

/**
 * The supervision matter (SUP-2) a file scored below the pass mark opens (SUP-4): from the
 * evaluation, about the case, with the score as its facts. A file that opened one already (a
 * second score) opens no other.
 */
async function matterOfFailingFile(
  ports: EvaluationPorts,
  principal: Principal,
  evaluation: Evaluation,
  file: EvaluationFile,
  score: { total: number; passed: boolean },
) {
  if (score.passed || file.supervisionMatterId) return undefined;
  const body = await ports.agencies.get(principal.agencyId);
  return newMatter(
    principal,
    {
      agencyId: evaluation.agencyId,
      source: 'evaluation',
      sourceRef: evaluation.id,
      subject: { caseId: file.caseId },
      facts: `案卷评查（${evaluation.from}至${evaluation.to}）中，案卷“${file.title}”得${score.total}分，低于合格分${evaluation.rubric.passMark}分。`,
    },
    {
      bodyName: body?.name ?? principal.agencyId,
      agencyName: evaluation.agencyName,
      now: ports.now(),
      caseTitle: file.title,
    },
  );
}

/**
 * Scores one drawn file (SUP-4): every rubric item once, within its points; by an evaluator of
 * the supervisory body, never of the evaluated agency. A file below the pass mark is flagged and
 * opens a supervision matter in the same write (once per file). Scoring again replaces the
 * score, journaled like the first.
 */
export async function scoreFile(
  ports: EvaluationPorts,
  principal: Principal,
  id: string,
  caseId: string,
  input: ScoreInput,
) {
  return withRetry(async () => {
    const { evaluation, files } = await found(ports, id);
    assertEvaluates(principal, evaluation.agencyId);
    // Another body supervising the same agency neither scores this body's evaluation nor opens
    // matters in its name.
    if (principal.agencyId !== evaluation.evaluatorAgencyId)
      throw new Forbidden('只能为本机关组织的评查评分');
    const file = files.find((candidate) => candidate.caseId === caseId);
    if (!file) throw new NotFound('该案卷不在本次评查的抽取结果中', [{ path: 'caseId', message: caseId }]);
    const refusals = scoreRefusals(evaluation.rubric, input.items);
    if (refusals.length > 0) throw new ValidationFailed(refusals);
    const now = ports.now().toISOString();
    const score = scoreOf(evaluation.rubric, input.items, {
      at: now,
      sub: principal.sub,
      name: principal.name,
    });
    const opened = await matterOfFailingFile(ports, principal, evaluation, file, score);
    const entry = nextEntry(
      { seq: evaluation.journalSeq, hash: evaluation.journalHead },
      {
        at: now,
        actor: principal.sub,
        type: 'evaluation.scored',
        data: {
          caseId,
          items: score.items,
          total: score.total,
          passed: score.passed,
          ...(opened ? { supervisionMatterId: opened.matter.matterId } : {}),
        },
      },
    );
    const before = file.score;
    const next: Evaluation = {
      ...evaluation,
      scored: evaluation.scored + (before ? 0 : 1),
      points: evaluation.points - (before?.total ?? 0) + score.total,
      failed: evaluation.failed - (before && !before.passed ? 1 : 0) + (score.passed ? 0 : 1),
      version: evaluation.version + 1,
      journalSeq: entry.seq,
      journalHead: entry.hash,
    };
    const { flagged: _flagged, ...unflagged } = file;
    const scoredFile: EvaluationFile = {
      ...unflagged,
      score,
      ...(score.passed ? {} : { flagged: true }),
      ...(opened ? { supervisionMatterId: opened.matter.matterId } : {}),
      version: file.version + 1,
    };
    await ports.evaluations.score(
      evaluation,
      next,
      file,
      scoredFile,
      entry,
      opened ? ports.matters.opening(opened.matter, opened.entry) : [],
    );
    return view(
      ports,
      next,
      files.map((candidate) => (candidate.caseId === caseId ? scoredFile : candidate)),
    );
  });
}

/** Whether the caller reads an agency's evaluations: its administrators and leaders, or a supervisor of it. */
function readsEvaluationsOf(principal: Principal, agencyId: string): boolean {
  const ownAgency =
    principal.agencyId === agencyId && principal.roles.some((role) => role === 'admin' || role === 'leader');
  const supervising =
    principal.roles.includes('supervisor') && principal.supervises?.includes(agencyId) === true;
  return ownAgency || supervising;
}

const NOT_READABLE = '只能查看本机关或本机关所监督机关的评查结果';

/**
 * An evaluation with its scores, totals and ranking (SUP-4): for a supervisor of the evaluated
 * agency, and for the evaluated agency's administrators and leaders.
 */
export async function readEvaluation(ports: EvaluationPorts, principal: Principal, id: string) {
  const { evaluation, files } = await found(ports, id);
  if (!readsEvaluationsOf(principal, evaluation.agencyId)) throw new Forbidden(NOT_READABLE);
  return view(ports, evaluation, files);
}

/**
 * A page of an agency's evaluations, newest first, with their totals (SUP-4): the caller's own
 * agency for its administrators and leaders, or `agencyId` for a supervisor of it.
 */
export async function listEvaluations(
  ports: EvaluationPorts,
  principal: Principal,
  requested: { agencyId?: string | undefined; limit: number; cursor?: string | undefined },
) {
  const agencyId = requested.agencyId ?? principal.agencyId;
  if (!readsEvaluationsOf(principal, agencyId)) {
    if (requested.agencyId === undefined && principal.roles.includes('supervisor'))
      throw new ValidationFailed([{ path: 'agencyId', message: '请选择所监督的机关' }]);
    throw new Forbidden(NOT_READABLE);
  }
  const page = await ports.evaluations.ofAgency(agencyId, requested.limit, requested.cursor);
  return {
    ...page,
    items: page.items.map((evaluation) => ({ ...evaluation, totals: evaluationTotals(evaluation) })),
  };
}
