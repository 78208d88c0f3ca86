import * as z from 'zod';
import { FileBody } from '#functions/responses/common.ts';
import { SupervisionReport } from '#functions/responses/supervision.ts';
import { defineRoute, IdParam, standardErrors } from '#shared/http/route.ts';

/** The supervisory body and the year; a year outside 2000–2100 is a 400 naming `year`. */
export const SupervisionReportParams = z.strictObject({
  agencyId: IdParam,
  year: z.coerce.number().int().min(2000).max(2100),
});

const unpublished = { description: 'NOT_FOUND：该年度的监督报告尚未发布（次年 1 月 2 日发布）' };

/**
 * The routes of `functions/supervision-reports/` (SUP-6): the published yearly supervision
 * reports, read by anyone; a function of its own that only reads the main table.
 */
export const supervisionReportsRoutes = {
  supervisionReport: defineRoute({
    method: 'GET',
    path: '/public/v1/supervisory-bodies/{agencyId}/reports/{year}',
    handler: 'supervision-reports/supervision-report',
    access: 'public',
    summary:
      '监督机关年度行政执法监督报告：监督事项（按来源）、监督文书、整改、投诉办理、案卷评查结果；次年 1 月 2 日自动发布后固定，不含个人信息 (SUP-6)',
    params: SupervisionReportParams,
    responses: {
      200: { schema: SupervisionReport, description: 'the published report' },
      400: standardErrors[400],
      404: unpublished,
    },
  }),
  supervisionReportPdf: defineRoute({
    method: 'GET',
    path: '/public/v1/supervisory-bodies/{agencyId}/reports/{year}/pdf',
    handler: 'supervision-reports/supervision-report-pdf',
    access: 'public',
    summary: '年度行政执法监督报告的可打印版本（PDF，含图表）(SUP-6)',
    params: SupervisionReportParams,
    responses: {
      200: { schema: FileBody, description: 'PDF', contentType: 'application/pdf' },
      400: standardErrors[400],
      404: unpublished,
    },
    bundledFiles: [
      {
        from: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
        to: 'NotoSansSC-Regular.ttf',
      },
    ],
  }),
};
