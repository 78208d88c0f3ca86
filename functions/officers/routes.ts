import * as z from 'zod';
import { FileBody, list } from '#functions/responses/common.ts';
import { Officer, OfficerPage, Training } from '#functions/responses/officers.ts';
import { defineRoute, standardErrors } from '#shared/http/route.ts';
import { AGENCY_ROLES } from '#shared/kernel/principal.ts';
import { PageQuery } from '#shared/kernel/store/pagination.ts';
import { CertificateNo, OfficerInput, StatusChangeInput } from '#shared/organisation/domain/officer.ts';
import { TrainingInput } from '#shared/organisation/domain/training.ts';

/**
 * The route table: API Gateway routes (infra/stacks/stateless-stack.ts), the local server
 * (local/api-server.ts), validation, roles and the OpenAPI document all come from here.
 */
const anyRole = AGENCY_ROLES;

const CertificateParams = z.strictObject({ certificateNo: CertificateNo });

/** The routes of `functions/officers/`. */
export const officersRoutes = {
  createOfficer: defineRoute({
    method: 'POST',
    path: '/v1/officers',
    handler: 'officers/create-officer',
    access: ['admin'],
    summary:
      '登记执法人员及执法证（本机关管理员，不得为本人账号；有效期不超过规定年限，默认五年）(PUB-5, LAW-2)',
    body: OfficerInput,
    responses: {
      201: { schema: Officer, description: 'the officer, with effectiveStatus' },
      ...standardErrors,
      409: { description: '证件编号已存在 CONFLICT' },
      422: { description: 'CERTIFICATE_VALIDITY_EXCEEDED, UNKNOWN_UNIT' },
    },
    idempotent: true,
  }),
  listOfficers: defineRoute({
    method: 'GET',
    path: '/v1/officers',
    handler: 'officers/list-officers',
    access: anyRole,
    summary: '本机关执法人员列表',
    query: z.object(PageQuery),
    responses: { 200: { schema: OfficerPage, description: '{items, nextCursor?}' }, ...standardErrors },
  }),
  getOfficer: defineRoute({
    method: 'GET',
    path: '/v1/officers/{certificateNo}',
    handler: 'officers/get-officer',
    access: anyRole,
    summary: '执法人员及证件状态历史',
    params: CertificateParams,
    responses: {
      200: { schema: Officer, description: 'the officer' },
      ...standardErrors,
      404: { description: 'NOT_FOUND' },
    },
  }),
  changeOfficerStatus: defineRoute({
    method: 'POST',
    path: '/v1/officers/{certificateNo}/status',
    handler: 'officers/change-officer-status',
    access: ['admin'],
    summary: '执法证审验、暂扣、吊销：立即生效 (PUB-5)',
    params: CertificateParams,
    body: StatusChangeInput,
    responses: {
      200: { schema: Officer, description: 'the officer after the change' },
      ...standardErrors,
      404: { description: 'NOT_FOUND' },
      409: { description: 'CONFLICT' },
      422: { description: 'INVALID_STATUS_CHANGE' },
    },
    idempotent: true,
  }),
  recordTraining: defineRoute({
    method: 'POST',
    path: '/v1/officers/{certificateNo}/trainings',
    handler: 'officers/record-training',
    access: ['admin', 'unit-head'],
    summary: '登记执法人员、执法业务骨干的培训 (ORG-3)',
    params: CertificateParams,
    body: TrainingInput,
    responses: {
      201: { schema: Training, description: 'the training' },
      ...standardErrors,
      404: { description: 'NOT_FOUND' },
    },
    idempotent: true,
  }),
  listTrainings: defineRoute({
    method: 'GET',
    path: '/v1/officers/{certificateNo}/trainings',
    handler: 'officers/list-trainings',
    access: anyRole,
    summary: '执法人员的培训记录 (ORG-3)',
    params: CertificateParams,
    responses: { 200: { schema: list(Training), description: '{items}' }, ...standardErrors },
  }),
  officerQr: defineRoute({
    method: 'GET',
    path: '/v1/officers/{certificateNo}/qr',
    handler: 'officers/officer-qr',
    access: anyRole,
    summary: '亮证二维码 (SVG)，指向公开核验页 (PUB-7)',
    params: CertificateParams,
    responses: {
      200: { schema: FileBody, description: 'SVG', contentType: 'image/svg+xml' },
      ...standardErrors,
      404: { description: 'NOT_FOUND' },
    },
  }),
  windowCard: defineRoute({
    method: 'GET',
    path: '/v1/officers/{certificateNo}/window-card',
    handler: 'officers/window-card',
    access: AGENCY_ROLES,
    summary: '窗口公示牌 (PUB-8)：单位、姓名、职务、执法类别、服务事项和亮证二维码 (SVG)',
    params: z.strictObject({ certificateNo: CertificateNo }),
    query: z.object({
      window: z.string().trim().min(1).max(50),
      matters: z.string().trim().max(2000).optional(),
    }),
    responses: {
      200: { schema: FileBody, description: 'SVG', contentType: 'image/svg+xml' },
      ...standardErrors,
      422: { description: 'UNKNOWN_MATTER' },
    },
  }),
};
