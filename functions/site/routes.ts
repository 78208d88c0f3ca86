import * as z from 'zod';
import { FileBody } from '#functions/responses/common.ts';
import { SupervisionReportParams } from '#functions/supervision-reports/routes.ts';
import { ChecklistKind } from '#shared/checklists/domain/checklist-kinds.ts';
import { defineRoute, IdParam, type RouteDef, standardErrors } from '#shared/http/route.ts';
import { LegalDate, orderedPeriod } from '#shared/kernel/dates.ts';
import { CertificateNo, EnforcementCategory } from '#shared/organisation/domain/officer.ts';
import { VerificationCode } from '#shared/recording/domain/verification-code.ts';
import { Receipt } from '#shared/supervision/domain/complaint.ts';

/** A form's field left empty arrives as `name=`: the same as not sent. */
const blankAsAbsent = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const html = { schema: FileBody, description: 'HTML', contentType: 'text/html' };
const errors = { 400: standardErrors[400], 404: standardErrors[404], 429: standardErrors[429] };

const AgencyParams = z.strictObject({ agencyId: IdParam });
const ListParams = AgencyParams.extend({ kind: ChecklistKind });
const Edition = z.coerce.number().int().positive();
const Cursor = blankAsAbsent(z.string().max(2048));

const sitePage = <const R extends Omit<RouteDef, 'method' | 'access' | 'responses' | 'page'>>(route: R) =>
  defineRoute({ ...route, method: 'GET', access: 'public', page: true, responses: { 200: html, ...errors } });

/**
 * The public site (行政执法公示平台): server-rendered pages in Chinese that work without
 * JavaScript, behind CloudFront in AWS and at `/` of the local server.
 */
export const siteRoutes = {
  siteHome: sitePage({
    path: '/',
    handler: 'site/home',
    summary: '公示平台首页：执法机关列表与搜索',
    query: z.object({ q: blankAsAbsent(z.string().trim().max(50)), cursor: Cursor }),
  }),
  siteAgency: sitePage({
    path: '/agencies/{agencyId}',
    handler: 'site/agency',
    summary: '执法机关主页：清单、最新公示与撤回、年度报告、投诉渠道、订阅源',
    params: AgencyParams,
  }),
  siteChecklist: sitePage({
    path: '/agencies/{agencyId}/lists/{kind}',
    handler: 'site/checklist',
    summary: '清单：现行版本（或 ?edition= 的历史版本）及历次版本 (PUB-2 至 PUB-6)',
    params: ListParams,
    query: z.object({ edition: blankAsAbsent(Edition) }),
  }),
  siteChecklistDiff: sitePage({
    path: '/agencies/{agencyId}/lists/{kind}/diff',
    handler: 'site/checklist-diff',
    summary: '清单两个版本之间的变化',
    params: ListParams,
    query: z.object({ from: Edition, to: Edition }),
  }),
  siteDecisions: sitePage({
    path: '/agencies/{agencyId}/decisions',
    handler: 'site/decisions',
    summary: '行政执法决定公示：按公示日期、类别、文号查询，分页 (PUB-9, PUB-10)',
    params: AgencyParams,
    query: orderedPeriod(
      z.object({
        from: blankAsAbsent(LegalDate),
        to: blankAsAbsent(LegalDate),
        category: blankAsAbsent(EnforcementCategory),
        documentNo: blankAsAbsent(z.string().trim().max(100)),
        cursor: Cursor,
      }),
    ),
  }),
  siteDecision: sitePage({
    path: '/decisions/{id}',
    handler: 'site/decision',
    summary: '一项执法决定公示；已撤下的显示撤下日期和理由 (PUB-11)',
    params: z.strictObject({ id: IdParam }),
  }),
  siteComplaint: sitePage({
    path: '/complaints/{receipt}',
    handler: 'site/complaint',
    summary: '凭受理编号查看投诉办理情况：状态、答复期限和答复，不含投诉内容 (SUP-1)',
    params: z.strictObject({ receipt: Receipt }),
  }),
  siteRandomDraws: sitePage({
    path: '/agencies/{agencyId}/random-draws',
    handler: 'site/random-draws',
    summary: '“双随机、一公开”抽查情况 (PUB-15)',
    params: AgencyParams,
  }),
  siteAnnualReport: sitePage({
    path: '/agencies/{agencyId}/annual-reports/{year}',
    handler: 'site/annual-report',
    summary: '年度行政执法数据，含图表和 PDF (LAW-7)',
    params: AgencyParams.extend({ year: z.coerce.number().int().min(2000).max(2100) }),
    query: z.object({ version: blankAsAbsent(z.coerce.number().int().min(1).max(1000)) }),
  }),
  siteSupervisionReport: sitePage({
    path: '/supervisory-bodies/{agencyId}/reports/{year}',
    handler: 'site/supervision-report',
    summary: '监督机关年度行政执法监督报告，含图表和 PDF；发布前为 404 (SUP-6)',
    params: SupervisionReportParams,
  }),
  siteDocument: sitePage({
    path: '/documents/{verificationCode}',
    handler: 'site/document',
    summary: '纸质执法文书核验页（扫文书上的二维码打开此页）(PUB-16)',
    params: z.strictObject({ verificationCode: VerificationCode }),
  }),
  siteCertificateLookup: sitePage({
    path: '/certificates',
    handler: 'site/certificate-lookup',
    summary: '按执法证号核验：表单；带 ?certificateNo= 时转到核验页',
    query: z.object({ certificateNo: blankAsAbsent(CertificateNo), agencyId: blankAsAbsent(IdParam) }),
  }),
  siteCertificate: sitePage({
    path: '/certificates/{certificateNo}',
    handler: 'site/certificate',
    summary: '执法证核验页（扫码亮证打开此页）：证件状态与投诉 (PUB-5, PUB-7)',
    params: z.strictObject({ certificateNo: CertificateNo }),
    query: z.object({ agencyId: blankAsAbsent(IdParam) }),
  }),
};
