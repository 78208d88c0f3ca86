import * as z from 'zod';
import { Evaluation, EvaluationPage } from '#functions/responses/supervision.ts';
import { defineRoute, IdParam, standardErrors } from '#shared/http/route.ts';
import { PageQuery } from '#shared/kernel/store/pagination.ts';
import { EvaluationInput, ScoreInput } from '#shared/supervision/domain/evaluation.ts';

/** The routes of `functions/evaluations/`: case-file evaluation (案卷评查, SUP-4). */
export const evaluationsRoutes = {
  drawEvaluation: defineRoute({
    method: 'POST',
    path: '/v1/supervision/evaluations',
    handler: 'evaluations/draw-evaluation',
    access: ['supervisor'],
    summary:
      '案卷评查 (SUP-4)：以记录的随机种子从所监督机关该期间已结案的案卷中抽取样本；同一种子重复抽取结果相同',
    body: EvaluationInput,
    responses: {
      201: { schema: Evaluation, description: 'the evaluation and its drawn case files' },
      ...standardErrors,
      422: { description: 'NO_CLOSED_CASES：该期间没有已结案的案卷' },
    },
    idempotent: true,
    journals: true,
  }),
  scoreEvaluationFile: defineRoute({
    method: 'PUT',
    path: '/v1/supervision/evaluations/{id}/scores/{caseId}',
    handler: 'evaluations/score-evaluation-file',
    access: ['supervisor'],
    summary:
      '按评查标准为抽取的案卷逐项评分；不能评查本机关的案卷；低于合格分的案卷在同一次写入中立监督事项（来源案卷评查），每份案卷只立一次 (SUP-4, SUP-2)',
    params: z.strictObject({ id: IdParam, caseId: IdParam }),
    body: ScoreInput,
    responses: {
      200: { schema: Evaluation, description: 'the evaluation with the file scored' },
      ...standardErrors,
      409: { description: 'CONFLICT：评查已被他人更新' },
    },
    idempotent: true,
    journals: true,
  }),
  listEvaluations: defineRoute({
    method: 'GET',
    path: '/v1/supervision/evaluations',
    handler: 'evaluations/list-evaluations',
    access: ['supervisor', 'admin', 'leader'],
    summary: '本机关的案卷评查，新的在前；监督机关带 ?agencyId= 查看所监督机关的评查 (SUP-4)',
    query: z.object({ ...PageQuery, agencyId: z.string().trim().min(1).max(64).optional() }),
    responses: { 200: { schema: EvaluationPage, description: '{items, nextCursor?}' }, ...standardErrors },
  }),
  readEvaluation: defineRoute({
    method: 'GET',
    path: '/v1/supervision/evaluations/{id}',
    handler: 'evaluations/read-evaluation',
    access: ['supervisor', 'admin', 'leader'],
    summary: '评查结果：各案卷得分、合计和本年度排名；监督机关和被评查机关的管理员、领导可查看 (SUP-4)',
    params: z.strictObject({ id: IdParam }),
    responses: { 200: { schema: Evaluation, description: 'the evaluation' }, ...standardErrors },
  }),
};
