import * as z from 'zod';
import { PublicDocument } from '#functions/responses/cases.ts';
import { EditionDiff, EditionSummary, PublicEdition, RandomDraw } from '#functions/responses/checklists.ts';
import { FileBody, list } from '#functions/responses/common.ts';
import { InspectionLimits, PublicInspectionPlan } from '#functions/responses/inspections.ts';
import { PublicCertificate } from '#functions/responses/officers.ts';
import { AnnualReport, OpenApiDocument } from '#functions/responses/oversight.ts';
import { PublicDecisionPage, PublicRecord } from '#functions/responses/publications.ts';
import { ChecklistKind } from '#shared/checklists/domain/checklist-kinds.ts';
import { defineRoute, IdParam, standardErrors } from '#shared/http/route.ts';
import { PlanVersionQuery, PlanYear } from '#shared/inspections/domain/inspection-plan.ts';
import { LegalDate } from '#shared/kernel/dates.ts';
import { PageQuery } from '#shared/kernel/store/pagination.ts';
import { CertificateNo } from '#shared/organisation/domain/officer.ts';
import { VerificationCode } from '#shared/recording/domain/verification-code.ts';

const CertificateParams = z.strictObject({ certificateNo: CertificateNo });

const AgencyQuery = z.object({ agencyId: z.string().trim().min(1).max(64).optional() });

const PublicParams = z.strictObject({ agencyId: z.string().trim().min(1).max(64), kind: ChecklistKind });

/** The routes of `functions/public/`. */
export const publicRoutes = {
  verifyOfficer: defineRoute({
    method: 'GET',
    path: '/public/v1/officers/{certificateNo}',
    handler: 'public/verify-officer',
    access: 'public',
    summary: '公开核验执法证（扫码亮证）；浏览器得到核验页面 (PUB-5, PUB-7)',
    params: CertificateParams,
    query: AgencyQuery,
    responses: {
      200: { description: 'the certificate as the public sees it', schema: PublicCertificate },
      400: standardErrors[400],
      404: { description: 'NOT_FOUND' },
      409: { description: '多个机关使用该编号，请带 agencyId' },
    },
  }),
  verifyDocument: defineRoute({
    method: 'GET',
    path: '/public/v1/documents/{verificationCode}',
    handler: 'public/verify-document',
    access: 'public',
    summary: '公开核验纸质执法文书：机关、种类、文号、日期、电子原件 SHA-256、是否有效；无个人信息 (PUB-16)',
    params: z.strictObject({ verificationCode: VerificationCode }),
    responses: {
      200: { description: 'the document as the public sees it', schema: PublicDocument },
      400: standardErrors[400],
      404: { description: 'NOT_FOUND' },
      429: standardErrors[429],
    },
  }),
  openApi: defineRoute({
    method: 'GET',
    path: '/openapi.json',
    handler: 'public/openapi',
    access: 'public',
    summary: 'OpenAPI document, generated from the route table and its zod schemas',
    responses: { 200: { schema: OpenApiDocument, description: 'OpenAPI 3.0' }, 429: standardErrors[429] },
  }),
  publicChecklist: defineRoute({
    method: 'GET',
    path: '/public/v1/agencies/{agencyId}/checklists/{kind}',
    handler: 'public/checklist-current',
    access: 'public',
    summary: '现行清单；?at=YYYY-MM-DD 为该日有效的版本',
    params: PublicParams,
    query: z.object({ at: LegalDate.optional() }),
    responses: {
      200: { schema: PublicEdition, description: 'the published checklist' },
      400: standardErrors[400],
      404: standardErrors[404],
    },
  }),
  publicChecklistVersions: defineRoute({
    method: 'GET',
    path: '/public/v1/agencies/{agencyId}/checklists/{kind}/versions',
    handler: 'public/checklist-versions',
    access: 'public',
    summary: '清单的历次版本及其有效期',
    params: PublicParams,
    responses: { 200: { schema: list(EditionSummary), description: '{items}' }, 400: standardErrors[400] },
  }),
  publicChecklistVersion: defineRoute({
    method: 'GET',
    path: '/public/v1/agencies/{agencyId}/checklists/{kind}/versions/{edition}',
    handler: 'public/checklist-version',
    access: 'public',
    summary: '清单的某一历史版本',
    params: PublicParams.extend({ edition: z.coerce.number().int().positive() }),
    responses: {
      200: { schema: PublicEdition, description: 'the edition' },
      400: standardErrors[400],
      404: standardErrors[404],
    },
  }),
  publicChecklistDiff: defineRoute({
    method: 'GET',
    path: '/public/v1/agencies/{agencyId}/checklists/{kind}/diff',
    handler: 'public/checklist-diff',
    access: 'public',
    summary: '两个版本之间新增、删除、修改了什么',
    params: PublicParams,
    query: z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() }),
    responses: {
      200: { schema: EditionDiff, description: '{from, to, added, removed, changed}' },
      400: standardErrors[400],
      404: standardErrors[404],
    },
  }),
  publicDraws: defineRoute({
    method: 'GET',
    path: '/public/v1/agencies/{agencyId}/random-draws',
    handler: 'public/random-draws',
    access: 'public',
    summary: '随机抽查的抽取情况：抽中的对象和人员、抽取人、时间、事项和清单版本、种子 (PUB-15)',
    params: z.strictObject({ agencyId: IdParam }),
    responses: { 200: { schema: list(RandomDraw), description: '{items}' }, 400: standardErrors[400] },
  }),
  annualReport: defineRoute({
    method: 'GET',
    path: '/public/v1/agencies/{agencyId}/annual-reports/{year}',
    handler: 'public/annual-report',
    access: 'public',
    summary:
      '年度行政执法数据（许可、处罚、强制、征收、征用、检查，无则为 0）：次年 1 月 2 日发布后固定，更正为新版本；?version= 查看历次版本 (LAW-7)',
    params: z.strictObject({ agencyId: IdParam, year: z.coerce.number().int().min(2000).max(2100) }),
    query: z.object({ version: z.coerce.number().int().min(1).max(1000).optional() }),
    responses: {
      200: {
        schema: AnnualReport,
        description:
          '{agencyId, agencyName, year, status: "published"|"draft"|"overdue", version, publishedAt, data: {licensing, penalty, coercion, levy, requisition, inspection, other}, versions}',
      },
      400: standardErrors[400],
      404: { description: 'NOT_FOUND（版本不存在）' },
    },
  }),
  annualReportPdf: defineRoute({
    method: 'GET',
    path: '/public/v1/agencies/{agencyId}/annual-reports/{year}/pdf',
    handler: 'public/annual-report-pdf',
    access: 'public',
    summary: '年度行政执法数据的可打印报告（PDF，含图表）(LAW-7)',
    params: z.strictObject({ agencyId: IdParam, year: z.coerce.number().int().min(2000).max(2100) }),
    query: z.object({ version: z.coerce.number().int().min(1).max(1000).optional() }),
    responses: {
      200: { schema: FileBody, description: 'PDF', contentType: 'application/pdf' },
      400: standardErrors[400],
      404: { description: 'NOT_FOUND（版本不存在）' },
    },
    bundledFiles: [
      {
        from: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
        to: 'NotoSansSC-Regular.ttf',
      },
    ],
  }),
  publicationNotice: defineRoute({
    method: 'GET',
    path: '/public/v1/publications/{id}/notice',
    handler: 'public/publication-notice',
    access: 'public',
    summary: '公示的可打印告示（PDF，供公示栏张贴）(PUB-14)',
    params: z.strictObject({ id: IdParam }),
    responses: {
      200: { schema: FileBody, description: 'PDF', contentType: 'application/pdf' },
      400: standardErrors[400],
      404: { description: 'NOT_FOUND' },
    },
    bundledFiles: [
      {
        from: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
        to: 'NotoSansSC-Regular.ttf',
      },
    ],
  }),
  publicFeed: defineRoute({
    method: 'GET',
    path: '/public/v1/agencies/{agencyId}/feeds/{format}',
    handler: 'public/feed',
    access: 'public',
    summary: '公示与撤回的订阅源（atom 或 json），供政务新媒体和省级平台转载 (PUB-14)',
    params: z.strictObject({ agencyId: IdParam, format: z.enum(['atom', 'json']) }),
    responses: {
      200: {
        schema: FileBody,
        description: 'Atom 1.0 or JSON Feed 1.1',
        contentType: 'application/atom+xml',
      },
      400: standardErrors[400],
      404: { description: 'NOT_FOUND（无此机关）' },
    },
  }),
  publicDecisions: defineRoute({
    method: 'GET',
    path: '/public/v1/agencies/{agencyId}/decisions',
    handler: 'public/decisions',
    access: 'public',
    summary: '已公示、未撤下的执法决定（已脱敏）(PUB-9, PUB-10, LAW-5)',
    params: z.strictObject({ agencyId: IdParam }),
    query: z.object(PageQuery),
    responses: {
      200: { schema: PublicDecisionPage, description: '{items, nextCursor?}' },
      400: standardErrors[400],
    },
  }),
  publicPublication: defineRoute({
    method: 'GET',
    path: '/public/v1/publications/{id}',
    handler: 'public/publication',
    access: 'public',
    summary: '一项公示；已撤下的为 {status: "withdrawn", withdrawnAt, reason}',
    params: z.strictObject({ id: IdParam }),
    responses: {
      200: { schema: PublicRecord, description: 'the public record' },
      400: standardErrors[400],
      404: standardErrors[404],
    },
  }),
  inspectionLimits: defineRoute({
    method: 'GET',
    path: '/public/v1/agencies/{agencyId}/inspection-limits',
    handler: 'public/inspection-limits',
    access: 'public',
    summary: '公开：对同一企业的年度检查次数上限，按检查类别 (INS-3)',
    params: z.strictObject({ agencyId: z.string().trim().min(1).max(64) }),
    responses: {
      200: { schema: InspectionLimits, description: '[{category, perYear}]' },
      400: standardErrors[400],
      429: standardErrors[429],
    },
  }),
  publicInspectionPlan: defineRoute({
    method: 'GET',
    path: '/public/v1/agencies/{agencyId}/inspection-plans/{year}',
    handler: 'public/inspection-plan',
    access: 'public',
    summary: '公开：机关已报备的年度检查计划，或 ?version= 的历次报备版本 (INS-2)',
    params: z.strictObject({ agencyId: IdParam, year: PlanYear }),
    query: PlanVersionQuery,
    responses: {
      200: { schema: PublicInspectionPlan, description: '{agencyId, year, version, items, note?, filedAt}' },
      400: standardErrors[400],
      404: standardErrors[404],
      429: standardErrors[429],
    },
  }),
  publicInspectionPlanPdf: defineRoute({
    method: 'GET',
    path: '/public/v1/agencies/{agencyId}/inspection-plans/{year}/pdf',
    handler: 'public/inspection-plan-pdf',
    access: 'public',
    summary: '公开：已报备的年度检查计划文书（PDF），或 ?version= 的历次报备版本 (INS-2)',
    params: z.strictObject({ agencyId: IdParam, year: PlanYear }),
    query: PlanVersionQuery,
    responses: {
      200: { schema: FileBody, description: 'PDF', contentType: 'application/pdf' },
      400: standardErrors[400],
      404: standardErrors[404],
      429: standardErrors[429],
    },
    bundledFiles: [
      {
        from: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
        to: 'NotoSansSC-Regular.ttf',
      },
    ],
  }),
};
