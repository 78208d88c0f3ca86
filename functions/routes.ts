import { z } from 'zod';
import { caseRoutes } from '#functions/case-routes.ts';
import { checklistRoutes } from '#functions/checklist-routes.ts';
import { publicationRoutes } from '#functions/publication-routes.ts';
import { FileBody, list } from '#functions/responses/common.ts';
import {
  AgencyProfile,
  ComplaintPage,
  Officer,
  OfficerPage,
  PublicCertificate,
  Training,
} from '#functions/responses/officers.ts';
import { OpenApiDocument } from '#functions/responses/oversight.ts';
import { reviewRoutes } from '#functions/review-routes.ts';
import { AGENCY_ROLES } from '#shared/auth.ts';
import { AgencyProfileInput } from '#shared/domain/agency.ts';
import { ComplaintInput } from '#shared/domain/complaint.ts';
import { CertificateNo, OfficerInput, StatusChangeInput } from '#shared/domain/officer.ts';
import { TrainingInput } from '#shared/domain/training.ts';
import { defineRoute, standardErrors } from '#shared/http/route.ts';
import { PageQuery } from '#shared/store/pagination.ts';
import '#shared/zod-locale.ts';

/**
 * The route table: API Gateway routes (infra/stacks/stateless-stack.ts), the local server
 * (infra/local/api-server.ts), validation, roles and the OpenAPI document all come from here.
 */
const anyRole = AGENCY_ROLES;

const CertificateParams = z.strictObject({ certificateNo: CertificateNo });
const AgencyQuery = z.object({ agencyId: z.string().trim().min(1).max(64).optional() });

export const routes = {
  createOfficer: defineRoute({
    method: 'POST',
    path: '/v1/officers',
    handler: 'officers/create-officer',
    access: ['admin', 'unit-head'],
    summary: '登记执法人员及执法证 (PUB-5)',
    body: OfficerInput,
    responses: {
      201: { schema: Officer, description: 'the officer, with effectiveStatus' },
      ...standardErrors,
      409: { description: '证件编号已存在 CONFLICT' },
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
  listComplaints: defineRoute({
    method: 'GET',
    path: '/v1/complaints',
    handler: 'officers/list-complaints',
    access: ['admin', 'unit-head', 'leader', 'supervisor'],
    summary: '群众对执法人员的投诉',
    query: z.object(PageQuery),
    responses: { 200: { schema: ComplaintPage, description: '{items, nextCursor?}' }, ...standardErrors },
  }),
  getAgency: defineRoute({
    method: 'GET',
    path: '/v1/agency',
    handler: 'agency/get-agency',
    access: anyRole,
    summary: '本机关信息及股室',
    responses: {
      200: { schema: AgencyProfile, description: 'the agency profile' },
      ...standardErrors,
      404: { description: 'NOT_FOUND' },
    },
  }),
  putAgency: defineRoute({
    method: 'PUT',
    path: '/v1/agency',
    handler: 'agency/put-agency',
    access: ['admin'],
    summary: '维护本机关信息及股室',
    body: AgencyProfileInput,
    responses: { 200: { schema: AgencyProfile, description: 'the agency profile' }, ...standardErrors },
  }),
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
  fileComplaint: defineRoute({
    method: 'POST',
    path: '/public/v1/officers/{certificateNo}/complaints',
    handler: 'complaints/file-complaint',
    access: 'public',
    summary: '投诉执法人员 (PUB-5)',
    params: CertificateParams,
    query: AgencyQuery,
    body: ComplaintInput,
    responses: {
      202: { description: '{complaintId}', schema: z.object({ complaintId: z.string() }) },
      400: standardErrors[400],
      404: { description: 'NOT_FOUND' },
    },
    idempotent: true,
  }),
  ...checklistRoutes,
  ...caseRoutes,
  ...reviewRoutes,
  ...publicationRoutes,
  openApi: defineRoute({
    method: 'GET',
    path: '/openapi.json',
    handler: 'public/openapi',
    access: 'public',
    summary: 'OpenAPI document, generated from the route table and its zod schemas',
    responses: { 200: { schema: OpenApiDocument, description: 'OpenAPI 3.0' }, 429: standardErrors[429] },
  }),
};

export const routeTable = Object.values(routes);
