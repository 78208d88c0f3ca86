import { z } from 'zod';
import { FileBody, list } from '#functions/responses/common.ts';
import { AnnualReport, AnnualReportVersion, Overdue, Stats } from '#functions/responses/oversight.ts';
import {
  Publication,
  PublicationPreview,
  PublicationRule,
  PublicDecisionPage,
  PublicRecord,
  PushDelivery,
  PushTarget,
  Revocation,
} from '#functions/responses/publications.ts';
import { LegalDate } from '#shared/dates.ts';
import { PublicationRuleInput, PublicationRuleParams, RevocationInput } from '#shared/domain/publication.ts';
import { PushTargetInput } from '#shared/domain/push.ts';
import { defineRoute, IdParam, standardErrors } from '#shared/http/route.ts';
import { PageQuery } from '#shared/store/pagination.ts';

/** Publication (公示) routes of the route table (functions/routes.ts). */
const Reason = z.string().trim().min(2).max(1000);
/** The agency an oversight route reads: the caller's own, or one a supervisor oversees (ORG-4). */
const OverseenAgency = z.string().trim().min(1).max(64).optional();

export const publicationRoutes = {
  revokeDecision: defineRoute({
    method: 'POST',
    path: '/v1/cases/{id}/decision/revocations',
    handler: 'publications/revoke-decision',
    journals: true,
    access: ['officer', 'unit-head', 'admin', 'leader'],
    summary: '决定被变更、撤销、确认违法或无效、重新作出：公示立即撤下并公布原因 (PUB-11, LAW-1)',
    params: z.strictObject({ id: IdParam }),
    body: RevocationInput,
    responses: {
      200: { schema: Revocation, description: '{publication: {id, status, withdrawBy, withdrawnAt, late}}' },
      ...standardErrors,
      409: { description: '决定已被撤回过 CONFLICT' },
      422: { description: 'NO_DECISION, INVALID_TRANSITION' },
    },
    idempotent: true,
  }),
  publishEarly: defineRoute({
    method: 'POST',
    path: '/v1/publications/{id}/publish',
    handler: 'publications/publish-publication',
    journals: true,
    access: ['unit-head', 'admin'],
    summary:
      '立即公示：待公示、已逾期或期限待定的公示均可；逾期发布的标注 late 和 lateByWorkingDays (PUB-12)',
    params: z.strictObject({ id: IdParam }),
    responses: {
      200: { schema: Publication, description: 'the publication' },
      ...standardErrors,
      409: { description: '已公示、已撤回、已豁免或已到期 CONFLICT' },
    },
  }),
  previewPublication: defineRoute({
    method: 'GET',
    path: '/v1/publications/{id}/preview',
    handler: 'publications/preview-publication',
    access: ['officer', 'unit-head', 'admin', 'leader'],
    summary: '公示预览：公开时的内容，及被隐去或仍疑似个人信息的段落 (LAW-5, PUB-1 审查)',
    params: z.strictObject({ id: IdParam }),
    responses: {
      200: {
        schema: PublicationPreview,
        description: '{publication, record, flags: [{field, text, kind, label, action}]}',
      },
      ...standardErrors,
    },
  }),
  confirmPublication: defineRoute({
    method: 'POST',
    path: '/v1/publications/{id}/confirmation',
    handler: 'publications/confirm-publication',
    journals: true,
    access: ['unit-head', 'admin'],
    summary: '审查确认公示预览；须确认的公示在确认后按规则发布，期限届满时不论是否确认均发布 (PUB-1, PUB-12)',
    params: z.strictObject({ id: IdParam }),
    responses: {
      200: { schema: Publication, description: 'the publication' },
      ...standardErrors,
      409: { description: '状态不符 CONFLICT' },
    },
    idempotent: true,
  }),
  exemptPublication: defineRoute({
    method: 'POST',
    path: '/v1/publications/{id}/exemptions',
    handler: 'publications/exempt-publication',
    journals: true,
    access: ['admin', 'leader'],
    summary: '记录不予公开的豁免理由（国家秘密、法定例外）(PUB-12)',
    params: z.strictObject({ id: IdParam }),
    body: z.strictObject({ reason: Reason }),
    responses: { 200: { schema: Publication, description: 'the publication' }, ...standardErrors },
  }),
  putPublicationRule: defineRoute({
    method: 'PUT',
    path: '/v1/publication-rules/{category}',
    handler: 'publications/put-publication-rule',
    access: ['admin'],
    summary: '公示规则：期限、何时公示、公示期、姓名处理 (PUB-1, LAW-6)',
    params: PublicationRuleParams,
    body: PublicationRuleInput,
    responses: { 200: { schema: PublicationRule, description: 'the rule' }, ...standardErrors },
  }),
  getPublicationRule: defineRoute({
    method: 'GET',
    path: '/v1/publication-rules/{category}',
    handler: 'publications/get-publication-rule',
    access: ['officer', 'unit-head', 'reviewer', 'leader', 'admin', 'supervisor'],
    summary: '某类决定的公示规则（未设置时为默认规则）',
    params: PublicationRuleParams,
    responses: { 200: { schema: PublicationRule, description: 'the rule' }, ...standardErrors },
  }),
  putPushTarget: defineRoute({
    method: 'PUT',
    path: '/v1/push-target',
    handler: 'push/put-push-target',
    access: ['admin'],
    summary: '对接平台（如省级公示平台）的推送地址和签名密钥 (ORG-2)',
    body: PushTargetInput,
    responses: { 200: { schema: PushTarget, description: '{url}' }, ...standardErrors },
  }),
  listDeadLetters: defineRoute({
    method: 'GET',
    path: '/v1/push/dead-letters',
    handler: 'push/list-dead-letters',
    access: ['admin'],
    summary: '多次推送失败的记录',
    responses: { 200: { schema: list(PushDelivery), description: '{items}' }, ...standardErrors },
  }),
  replayDeadLetter: defineRoute({
    method: 'POST',
    path: '/v1/push/dead-letters/{id}/replay',
    handler: 'push/replay-dead-letter',
    access: ['admin'],
    summary: '重新推送一条失败记录',
    params: z.strictObject({ id: IdParam }),
    responses: {
      200: { schema: PushDelivery, description: 'the delivery' },
      ...standardErrors,
      409: { description: 'not dead' },
    },
  }),
  stats: defineRoute({
    method: 'GET',
    path: '/v1/stats',
    handler: 'oversight/stats',
    access: ['unit-head', 'reviewer', 'leader', 'admin', 'supervisor'],
    summary:
      '统计：案件、公示及时率、审核结果、音像记录覆盖率 (REC-9, ORG-1)；监督机关带 ?agencyId= 查看所监督的机关 (ORG-4)',
    query: z.object({ from: LegalDate, to: LegalDate, agencyId: OverseenAgency }),
    responses: { 200: { schema: Stats, description: 'counts and rates' }, ...standardErrors },
  }),
  exportStats: defineRoute({
    method: 'GET',
    path: '/v1/stats/export',
    handler: 'oversight/export-stats',
    access: ['unit-head', 'reviewer', 'leader', 'admin', 'supervisor'],
    summary: '统计导出为 Excel，供舆情应对和决策使用 (ORG-3, REC-9)',
    query: z.object({ from: LegalDate, to: LegalDate, agencyId: OverseenAgency }),
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
  evaluationReport: defineRoute({
    method: 'GET',
    path: '/v1/evaluation-report',
    handler: 'oversight/evaluation-report',
    access: ['unit-head', 'reviewer', 'leader', 'admin', 'supervisor'],
    summary: '任意期间的三项制度执行情况评估报告（PDF，含图表），由统计自动生成 (ORG-1, ORG-4)',
    query: z.object({ from: LegalDate, to: LegalDate, agencyId: OverseenAgency }),
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
};
