import * as z from 'zod';
import { FileBody } from '#functions/responses/common.ts';
import {
  SupervisionMatter,
  SupervisionMatterJournal,
  SupervisionMatterPage,
} from '#functions/responses/supervision.ts';
import { defineRoute, IdParam, standardErrors } from '#shared/http/route.ts';
import { PageQuery } from '#shared/kernel/store/pagination.ts';
import {
  AcceptanceInput,
  MatterInput,
  OpinionInput,
  RectificationInput,
} from '#shared/supervision/domain/matter.ts';
import { ReferralInput } from '#shared/supervision/domain/referral.ts';

const Params = z.strictObject({ id: IdParam });

/** Who reads a matter: its supervisory body's supervisors, and the agency's admins, leaders and unit heads. */
const readers = ['supervisor', 'admin', 'leader', 'unit-head'] as const;

const refusals = {
  422: {
    description:
      'MATTER_CLOSED（监督事项已办结）、RECTIFICATION_NOT_EXPECTED（此时不能提交或验收整改）、DOCUMENT_PREFIX_MISSING（监督机关未设文号前缀）',
  },
  409: { description: 'CONFLICT：监督事项已被他人修改' },
};

/** The routes of `functions/supervision/`: supervision matters and their documents (SUP-2, SUP-3). */
export const supervisionRoutes = {
  openMatter: defineRoute({
    method: 'POST',
    path: '/v1/supervision/matters',
    handler: 'supervision/open-matter',
    journals: true,
    access: ['supervisor'],
    summary:
      '监督机关对所监督的执法机关立监督事项：来源为投诉举报、12345热线转办、案卷评查、监督预警、统计分析或自行发现 (SUP-2)',
    body: MatterInput,
    responses: {
      201: { schema: SupervisionMatter, description: 'the matter, open, its journal begun' },
      ...standardErrors,
    },
    idempotent: true,
  }),
  listMatters: defineRoute({
    method: 'GET',
    path: '/v1/supervision/matters',
    handler: 'supervision/list-matters',
    access: readers,
    summary:
      '监督事项，新的在前：执法机关看本机关的；监督机关带 ?agencyId= 看本机关对所监督机关立的 (SUP-2, ORG-4)',
    query: z.object({ ...PageQuery, agencyId: z.string().trim().min(1).max(64).optional() }),
    responses: {
      200: { schema: SupervisionMatterPage, description: '{items, nextCursor?}' },
      ...standardErrors,
    },
  }),
  getMatter: defineRoute({
    method: 'GET',
    path: '/v1/supervision/matters/{id}',
    handler: 'supervision/get-matter',
    access: readers,
    summary: '一件监督事项及其监督文书、整改报告和验收意见 (SUP-2, SUP-3)',
    params: Params,
    responses: { 200: { schema: SupervisionMatter, description: 'the matter' }, ...standardErrors },
  }),
  matterJournal: defineRoute({
    method: 'GET',
    path: '/v1/supervision/matters/{id}/journal',
    handler: 'supervision/matter-journal',
    access: readers,
    summary: '监督事项的全过程记录（哈希链）及其校验结果 (SUP-2, REC-3)',
    params: Params,
    responses: {
      200: { schema: SupervisionMatterJournal, description: '{entries, verification}' },
      ...standardErrors,
    },
  }),
  issueOpinion: defineRoute({
    method: 'POST',
    path: '/v1/supervision/matters/{id}/opinions',
    handler: 'supervision/issue-opinion',
    journals: true,
    access: ['supervisor'],
    summary: '制发行政执法监督意见书或建议书：事实、违反的规定、整改期限，按监督机关自己的文号编号 (SUP-3)',
    params: Params,
    body: OpinionInput,
    responses: {
      201: { schema: SupervisionMatter, description: 'the matter with its new opinion last' },
      ...standardErrors,
      ...refusals,
    },
    idempotent: true,
  }),
  referDecision: defineRoute({
    method: 'POST',
    path: '/v1/supervision/matters/{id}/referrals',
    handler: 'supervision/refer-decision',
    journals: true,
    access: ['supervisor'],
    summary:
      '监督事项所涉案件的决定违法的，监督机关移送纠正（责令纠正或建议撤销），写明理由、违反的规定和纠正期限；执法机关撤回该决定时办结 (SUP-3, PUB-11)',
    params: Params,
    body: ReferralInput,
    responses: {
      201: { schema: SupervisionMatter, description: 'the matter with its new referral last' },
      ...standardErrors,
      422: {
        description:
          'MATTER_CLOSED（监督事项已办结）、NO_CASE_SUBJECT（监督事项不涉及具体案件）、NO_DECISION_IN_FORCE（案件没有生效的决定）、REFERRAL_OPEN（该决定已有未办结的纠正移送）',
      },
      409: refusals[409],
    },
    idempotent: true,
  }),
  opinionPdf: defineRoute({
    method: 'GET',
    path: '/v1/supervision/opinions/{id}/pdf',
    handler: 'supervision/opinion-pdf',
    access: readers,
    summary:
      '监督意见书或建议书的打印件 PDF（A4，监督机关、文号、主送机关、事实、违反的规定、整改要求和期限、核验码和二维码）(SUP-3, PUB-16)',
    params: Params,
    responses: {
      200: { schema: FileBody, description: 'PDF', contentType: 'application/pdf' },
      ...standardErrors,
    },
    bundledFiles: [
      {
        from: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
        to: 'NotoSansSC-Regular.ttf',
      },
      { from: '../shared/render/pdf/NotoSansCJKsc-Supplementary.otf', to: 'NotoSansCJKsc-Supplementary.otf' },
    ],
  }),
  reportRectification: defineRoute({
    method: 'POST',
    path: '/v1/supervision/opinions/{id}/rectification',
    handler: 'supervision/report-rectification',
    journals: true,
    access: ['admin', 'leader'],
    summary: '被监督机关的负责人或管理员提交整改报告（可附材料）；逾期提交的记为逾期 (SUP-3)',
    params: Params,
    body: RectificationInput,
    responses: {
      200: { schema: SupervisionMatter, description: 'the matter, the opinion reported' },
      ...standardErrors,
      ...refusals,
    },
    idempotent: true,
  }),
  answerRectification: defineRoute({
    method: 'POST',
    path: '/v1/supervision/opinions/{id}/acceptance',
    handler: 'supervision/answer-rectification',
    journals: true,
    access: ['supervisor'],
    summary: '监督机关验收整改：通过，或退回重新整改；全部通过时监督事项办结 (SUP-3)',
    params: Params,
    body: AcceptanceInput,
    responses: {
      200: { schema: SupervisionMatter, description: 'the matter, the opinion accepted or returned' },
      ...standardErrors,
      ...refusals,
    },
    idempotent: true,
  }),
};
