import * as z from 'zod';
import {
  Complaint,
  ComplaintFiled,
  ComplaintPage,
  ComplaintReceiptView,
} from '#functions/responses/supervision.ts';
import { defineRoute, IdParam, standardErrors } from '#shared/http/route.ts';
import { PageQuery } from '#shared/kernel/store/pagination.ts';
import { CertificateNo } from '#shared/organisation/domain/officer.ts';
import {
  AnswerInput,
  ComplaintInput,
  OfficerComplaintInput,
  Receipt,
} from '#shared/supervision/domain/complaint.ts';

const CertificateParams = z.strictObject({ certificateNo: CertificateNo });

const AgencyQuery = z.object({ agencyId: z.string().trim().min(1).max(64).optional() });

const tooMany = { 429: { description: 'RATE_LIMITED, COMPLAINT_LIMIT_REACHED（本地址当日投诉已达上限）' } };

/** The routes of `functions/complaints/` (SUP-1, PUB-5). */
export const complaintsRoutes = {
  fileComplaint: defineRoute({
    method: 'POST',
    path: '/public/v1/complaints',
    handler: 'complaints/file-complaint',
    access: 'public',
    summary: '投诉举报 (SUP-1)：对执法人员、执法决定、行政检查或执法机关；返回受理编号和答复期限',
    body: ComplaintInput,
    responses: {
      201: { description: '{receipt, answerBy}', schema: ComplaintFiled },
      400: standardErrors[400],
      404: { description: 'NOT_FOUND：执法机关或投诉对象不存在' },
      ...tooMany,
    },
    idempotent: true,
  }),
  complaintByReceipt: defineRoute({
    method: 'GET',
    path: '/public/v1/complaints/{receipt}',
    handler: 'complaints/complaint-by-receipt',
    access: 'public',
    summary: '凭受理编号查询投诉：状态、答复期限和答复，不含投诉内容 (SUP-1, LAW-5)',
    params: z.strictObject({ receipt: Receipt }),
    responses: {
      200: { description: '{status, answerBy, answer?}', schema: ComplaintReceiptView },
      400: standardErrors[400],
      404: standardErrors[404],
      429: standardErrors[429],
    },
  }),
  fileOfficerComplaint: defineRoute({
    method: 'POST',
    path: '/public/v1/officers/{certificateNo}/complaints',
    handler: 'complaints/file-officer-complaint',
    access: 'public',
    summary: '投诉执法人员 (PUB-5)；与 POST /public/v1/complaints 进入同一投诉列表',
    params: CertificateParams,
    query: AgencyQuery,
    body: OfficerComplaintInput,
    responses: {
      202: {
        description: '{complaintId, receipt, answerBy}',
        schema: z.object({ complaintId: z.string(), receipt: z.string(), answerBy: z.string() }),
      },
      400: standardErrors[400],
      404: { description: 'NOT_FOUND' },
      ...tooMany,
    },
    idempotent: true,
  }),
  listComplaints: defineRoute({
    method: 'GET',
    path: '/v1/complaints',
    handler: 'complaints/list-complaints',
    access: ['admin', 'unit-head', 'leader', 'supervisor'],
    summary: '本机关收到的投诉，新的在前；监督机关带 ?agencyId= 查看所监督机关的投诉 (SUP-1, ORG-4)',
    query: z.object({ ...PageQuery, ...AgencyQuery.shape }),
    responses: { 200: { schema: ComplaintPage, description: '{items, nextCursor?}' }, ...standardErrors },
  }),
  answerComplaint: defineRoute({
    method: 'POST',
    path: '/v1/complaints/{id}/answer',
    handler: 'complaints/answer-complaint',
    access: ['admin', 'unit-head', 'leader'],
    summary: '答复本机关收到的投诉；投诉人凭受理编号查看答复 (SUP-1)',
    params: z.strictObject({ id: IdParam }),
    body: AnswerInput,
    responses: {
      200: { schema: Complaint, description: 'the complaint, answered' },
      ...standardErrors,
      409: { description: 'CONFLICT：已答复' },
    },
    idempotent: true,
  }),
};
