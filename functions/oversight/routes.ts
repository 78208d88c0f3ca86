import * as z from 'zod';
import { FileBody } from '#functions/responses/common.ts';
import { AnnualReportVersion, Overdue, Stats } from '#functions/responses/oversight.ts';
import { defineRoute, standardErrors } from '#shared/http/route.ts';
import { LegalDate, orderedPeriod } from '#shared/kernel/dates.ts';
import { Words } from '#shared/kernel/text.ts';

/** Publication (公示) routes of the route table (functions/routes.ts). */
const Reason = Words(1000, 2);

/** The agency an oversight route reads: the caller's own, or one a supervisor oversees (ORG-4). */
const OverseenAgency = z.string().trim().min(1).max(64).optional();

/** The period of a statistic or report, for the caller's agency or one it oversees. */
const PeriodQuery = orderedPeriod(z.object({ from: LegalDate, to: LegalDate, agencyId: OverseenAgency }));

/** The routes of `functions/oversight/`. */
export const oversightRoutes = {
  stats: defineRoute({
    method: 'GET',
    path: '/v1/stats',
    handler: 'oversight/stats',
    access: ['unit-head', 'reviewer', 'leader', 'admin', 'supervisor'],
    summary:
      '统计：案件、公示及时率、审核结果、音像记录覆盖率 (REC-9, ORG-1)；监督机关带 ?agencyId= 查看所监督的机关 (ORG-4)',
    query: PeriodQuery,
    responses: { 200: { schema: Stats, description: 'counts and rates' }, ...standardErrors },
  }),
  exportStats: defineRoute({
    method: 'GET',
    path: '/v1/stats/export',
    handler: 'oversight/export-stats',
    access: ['unit-head', 'reviewer', 'leader', 'admin', 'supervisor'],
    summary: '统计导出为 Excel，供舆情应对和决策使用 (ORG-3, REC-9)',
    query: PeriodQuery,
    responses: {
      200: {
        schema: FileBody,
        description: 'xlsx',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      ...standardErrors,
    },
  }),
  overdue: defineRoute({
    method: 'GET',
    path: '/v1/oversight/overdue',
    handler: 'oversight/overdue',
    access: ['unit-head', 'leader', 'admin', 'supervisor'],
    summary: '逾期未公示的决定、逾期未出具意见的法制审核；监督机关带 ?agencyId= (PUB-12, REV-5, ORG-4)',
    query: z.object({ agencyId: OverseenAgency }),
    responses: {
      200: { schema: Overdue, description: '{agencyId, publications: [...], reviews: [...]}' },
      ...standardErrors,
    },
  }),
  evaluationReport: defineRoute({
    method: 'GET',
    path: '/v1/evaluation-report',
    handler: 'oversight/evaluation-report',
    access: ['unit-head', 'reviewer', 'leader', 'admin', 'supervisor'],
    summary: '任意期间的三项制度执行情况评估报告（PDF，含图表），由统计自动生成 (ORG-1, ORG-4)',
    query: PeriodQuery,
    responses: {
      200: { schema: FileBody, description: 'PDF', contentType: 'application/pdf' },
      ...standardErrors,
    },
    bundledFiles: [
      {
        from: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
        to: 'NotoSansSC-Regular.ttf',
      },
    ],
  }),
  correctAnnualReport: defineRoute({
    method: 'POST',
    path: '/v1/annual-reports/{year}/corrections',
    handler: 'oversight/correct-annual-report',
    access: ['admin'],
    summary: '更正已发布的年度数据：按当前记录重新生成并发布为新版本，原版本仍可查 (LAW-7)',
    params: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }),
    body: z.strictObject({ reason: Reason }),
    responses: { 201: { schema: AnnualReportVersion, description: 'the new version' }, ...standardErrors },
    idempotent: true,
  }),
};
