import * as z from 'zod';
import {
  Activity,
  CaseDocument,
  CasePage,
  CaseRecord,
  CaseView,
  Journal,
  JournalVerification,
  RecordingRules,
  RecordTypes,
} from '#functions/responses/cases.ts';
import { FileBody, list } from '#functions/responses/common.ts';
import { defineRoute, IdParam, standardErrors } from '#shared/http/route.ts';
import { AGENCY_ROLES } from '#shared/kernel/principal.ts';
import { PageQuery } from '#shared/kernel/store/pagination.ts';
import { Words } from '#shared/kernel/text.ts';
import { EnforcementCategory } from '#shared/organisation/domain/officer.ts';
import { ActivityInput, CaseInput, CaseOfficers, Informing } from '#shared/recording/domain/case.ts';
import { DocumentTypeSchema } from '#shared/recording/domain/documents.ts';
import { CASE_STATUSES } from '#shared/recording/domain/state-machine.ts';

/** The case and whole-process recording routes of the route table (functions/routes.ts). */
const handlers = ['officer', 'unit-head', 'admin'] as const;

const CaseParams = z.strictObject({ id: IdParam });

/** The routes of `functions/cases/`. */
export const casesRoutes = {
  recordingRules: defineRoute({
    method: 'GET',
    path: '/v1/recording-rules',
    handler: 'cases/recording-rules',
    access: AGENCY_ROLES,
    summary: '各执法类别各环节记录什么、如何记录、以何种载体记录 (REC-1)',
    query: z.object({ category: EnforcementCategory, majorProperty: z.enum(['true', 'false']).optional() }),
    responses: {
      200: {
        schema: RecordingRules,
        description: '{category, stages: [{stage, stageName, documents, av, carriers}]}',
      },
      ...standardErrors,
    },
  }),
  caseFile: defineRoute({
    method: 'GET',
    path: '/v1/cases/{id}/case-file',
    handler: 'cases/case-file',
    evidenceArchive: ['read-anchors'],
    access: AGENCY_ROLES,
    summary: '电子卷宗 ZIP：目录 PDF、全部文书、音像证据清单（SHA-256、版本）、日志及校验',
    params: CaseParams,
    responses: {
      200: { schema: FileBody, description: 'ZIP', contentType: 'application/zip' },
      ...standardErrors,
    },
    bundledFiles: [
      {
        from: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
        to: 'NotoSansSC-Regular.ttf',
      },
    ],
  }),
  createCase: defineRoute({
    method: 'POST',
    path: '/v1/cases',
    handler: 'cases/create-case',
    journals: true,
    access: handlers,
    summary: '立案：至少两名持有效执法证的执法人员 (LAW-2, PUB-7)；行政检查须依据已公布事项 (LAW-9)',
    body: CaseInput,
    responses: {
      201: { schema: CaseRecord, description: '{id, status: "registered", ...}' },
      ...standardErrors,
      422: { description: 'OFFICER_NOT_QUALIFIED, MATTER_NOT_PUBLISHED' },
    },
    idempotent: true,
  }),
  listCases: defineRoute({
    method: 'GET',
    path: '/v1/cases',
    handler: 'cases/list-cases',
    access: AGENCY_ROLES,
    summary: '本机关案件，最新在前',
    query: z.object({ status: z.enum(CASE_STATUSES).optional(), ...PageQuery }),
    responses: { 200: { schema: CasePage, description: '{items, nextCursor?}' }, ...standardErrors },
  }),
  getCase: defineRoute({
    method: 'GET',
    path: '/v1/cases/{id}',
    handler: 'cases/get-case',
    access: AGENCY_ROLES,
    summary: '案件及其执法活动、文书、音像证据',
    params: CaseParams,
    responses: { 200: { schema: CaseView, description: 'the case' }, ...standardErrors },
  }),
  transitionCase: defineRoute({
    method: 'POST',
    path: '/v1/cases/{id}/transitions',
    handler: 'cases/transition-case',
    journals: true,
    access: handlers,
    summary: '案件状态流转；不允许的流转为 422 INVALID_TRANSITION，附允许的下一状态',
    params: CaseParams,
    body: z.strictObject({ to: z.enum(CASE_STATUSES), note: Words(1000).optional() }),
    responses: {
      200: { schema: CaseRecord, description: 'the case' },
      ...standardErrors,
      422: { description: 'INVALID_TRANSITION' },
    },
  }),
  replaceCaseOfficers: defineRoute({
    method: 'PUT',
    path: '/v1/cases/{id}/officers',
    handler: 'cases/replace-officers',
    journals: true,
    access: ['unit-head', 'admin'],
    summary:
      '更换本案执法人员（承办股室负责人或管理员）：执法证被暂扣、吊销或过期的案件更换后方可继续办理 (LAW-2, PUB-7)',
    params: CaseParams,
    body: z.strictObject({
      officers: CaseOfficers,
      reason: Words(500),
    }),
    responses: {
      200: { schema: CaseRecord, description: 'the case with its new officers' },
      ...standardErrors,
      422: { description: 'OFFICER_NOT_QUALIFIED, CASE_CLOSED' },
    },
  }),
  addActivity: defineRoute({
    method: 'POST',
    path: '/v1/cases/{id}/activities',
    handler: 'cases/add-activity',
    journals: true,
    access: handlers,
    summary: '登记执法活动（现场检查、调查取证、送达等）',
    params: CaseParams,
    body: ActivityInput,
    responses: {
      201: { schema: Activity, description: 'the activity' },
      ...standardErrors,
      422: { description: 'OFFICER_NOT_QUALIFIED' },
    },
    idempotent: true,
  }),
  completeActivity: defineRoute({
    method: 'POST',
    path: '/v1/cases/{id}/activities/{activityId}/complete',
    handler: 'cases/complete-activity',
    journals: true,
    access: handlers,
    summary:
      '完成执法活动；须音像记录而无已归档证据时为 422 AV_REQUIRED (REC-4)；可记录亮证、出示文书、告知权利 (PUB-13)',
    params: z.strictObject({ id: IdParam, activityId: IdParam }),
    body: z.strictObject({ informing: Informing.optional() }).optional(),
    responses: {
      200: { schema: Activity, description: 'the activity' },
      ...standardErrors,
      422: { description: 'AV_REQUIRED' },
    },
  }),
  createRecord: defineRoute({
    method: 'POST',
    path: '/v1/cases/{id}/records',
    handler: 'cases/create-record',
    journals: true,
    access: handlers,
    summary: '制作执法文书：按模板填写，自动编号，内容哈希 (REC-2)',
    params: CaseParams,
    body: z.strictObject({
      /** A standard document (code or Chinese name), or the agency's own record type. */
      type: z.union([
        DocumentTypeSchema,
        z
          .string()
          .trim()
          .min(1)
          .max(64)
          .regex(/^[^/\\\p{Cc}.][^/\\\p{Cc}]*$/u, '文书类型不得包含斜杠、控制字符或以点开头'),
      ]),
      title: z.string().trim().min(1).max(200),
      fields: z.record(z.string(), z.unknown()),
    }),
    responses: { 201: { schema: CaseDocument, description: '{id, number, sha256, ...}' }, ...standardErrors },
    idempotent: true,
  }),
  recordTypes: defineRoute({
    method: 'GET',
    path: '/v1/record-types',
    handler: 'cases/record-types',
    access: AGENCY_ROLES,
    summary: '标准执法文书类型及其字段（JSON Schema）、中文名称和文号标识 (REC-2)',
    responses: {
      200: { schema: RecordTypes, description: '{items: [{type, label, mark, fields}]}' },
      ...standardErrors,
    },
  }),
  listRecords: defineRoute({
    method: 'GET',
    path: '/v1/cases/{id}/records',
    handler: 'cases/list-records',
    access: AGENCY_ROLES,
    summary: '案件的执法文书',
    params: CaseParams,
    responses: { 200: { schema: list(CaseDocument), description: '{items}' }, ...standardErrors },
  }),
  recordPdf: defineRoute({
    method: 'GET',
    path: '/v1/cases/{id}/records/{recordId}/pdf',
    handler: 'cases/record-pdf',
    access: AGENCY_ROLES,
    summary: '执法文书的标准打印件 PDF（A4，机关全称、文号、字段、签名栏、核验码和二维码）(REC-12, PUB-16)',
    params: z.strictObject({ id: IdParam, recordId: IdParam }),
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
  caseJournal: defineRoute({
    method: 'GET',
    path: '/v1/cases/{id}/journal',
    handler: 'cases/case-journal',
    access: AGENCY_ROLES,
    summary: '案件全过程日志（只增不改，哈希链）(REC-3)',
    params: CaseParams,
    responses: { 200: { schema: Journal, description: '{entries}' }, ...standardErrors },
  }),
  verifyJournal: defineRoute({
    method: 'GET',
    path: '/v1/cases/{id}/journal/verify',
    handler: 'cases/verify-journal',
    evidenceArchive: ['read-anchors'],
    access: AGENCY_ROLES,
    summary: '重新计算哈希链，报告第一个断点 (REC-3)',
    params: CaseParams,
    responses: {
      200: { schema: JournalVerification, description: '{ok, entries, broken?}' },
      ...standardErrors,
    },
  }),
};
