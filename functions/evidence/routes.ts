import * as z from 'zod';
import {
  Evidence,
  EvidenceDeclared,
  EvidenceStatus,
  MultipartUpload,
  Retrieval,
  RetrievalLink,
} from '#functions/responses/cases.ts';
import { list } from '#functions/responses/common.ts';
import { Device } from '#functions/responses/officers.ts';
import { defineRoute, IdParam, standardErrors } from '#shared/http/route.ts';
import { AGENCY_ROLES } from '#shared/kernel/principal.ts';
import { Words } from '#shared/kernel/text.ts';
import { DeviceInput } from '#shared/recording/domain/device.ts';
import {
  CompleteMultipartInput,
  EvidenceInput,
  MultipartInput,
  RetrievalInput,
} from '#shared/recording/domain/evidence.ts';

/** The case and whole-process recording routes of the route table (functions/routes.ts). */
const handlers = ['officer', 'unit-head', 'admin'] as const;

const CaseParams = z.strictObject({ id: IdParam });

const EvidenceParams = z.strictObject({ id: IdParam });

/** The routes of `functions/evidence/`. */
export const evidenceRoutes = {
  declareEvidence: defineRoute({
    method: 'POST',
    path: '/v1/cases/{id}/evidence',
    handler: 'evidence/declare-evidence',
    journals: true,
    access: handlers,
    summary: '登记音像证据，返回直传不可篡改档案库的预签名 PUT (REC-4, REC-6)',
    params: CaseParams,
    body: EvidenceInput,
    responses: {
      201: {
        schema: EvidenceDeclared,
        description: '{id, status: "pending-upload", upload: {url, method, headers}}',
      },
      ...standardErrors,
    },
    idempotent: true,
    evidenceArchive: ['sign-uploads'],
  }),
  startMultipart: defineRoute({
    method: 'POST',
    path: '/v1/evidence/{id}/multipart',
    handler: 'evidence/start-multipart',
    journals: true,
    access: handlers,
    summary: '大文件（数 GB）分片直传：开始分片上传，返回每个分片的预签名 PUT',
    params: EvidenceParams,
    body: MultipartInput,
    responses: {
      201: {
        schema: MultipartUpload,
        description:
          '{uploadId, partSize, parts: [{partNumber, size, url, headers?}], expiresAt}; each part URL signs its length, and its SHA-256 when partSha256 was sent',
      },
      ...standardErrors,
    },
    evidenceArchive: ['sign-uploads'],
  }),
  completeMultipart: defineRoute({
    method: 'POST',
    path: '/v1/evidence/{id}/multipart/complete',
    handler: 'evidence/complete-multipart',
    journals: true,
    access: handlers,
    summary: '合并已上传的分片；随后按 SHA-256 校验归档',
    params: EvidenceParams,
    body: CompleteMultipartInput,
    responses: {
      200: { schema: EvidenceStatus, description: '{id, status}' },
      ...standardErrors,
      422: { description: 'UNKNOWN_UPLOAD' },
    },
    evidenceArchive: ['sign-uploads'],
  }),
  registerDevice: defineRoute({
    method: 'POST',
    path: '/v1/devices',
    handler: 'evidence/register-device',
    access: ['admin', 'unit-head'],
    summary: '登记执法记录设备（所属股室、保管人、使用人）；未登记设备的音像证据会被标记 (REC-10)',
    body: DeviceInput,
    responses: { 200: { schema: Device, description: 'the device' }, ...standardErrors },
    idempotent: true,
  }),
  listDevices: defineRoute({
    method: 'GET',
    path: '/v1/devices',
    handler: 'evidence/list-devices',
    access: AGENCY_ROLES,
    summary: '本机关执法记录设备；?unitId= 某股室',
    query: z.object({ unitId: z.string().trim().min(1).max(64).optional() }),
    responses: { 200: { schema: list(Device), description: '{items}' }, ...standardErrors },
  }),
  getEvidence: defineRoute({
    method: 'GET',
    path: '/v1/evidence/{id}',
    handler: 'evidence/get-evidence',
    access: AGENCY_ROLES,
    summary: '音像证据及其记录要素、校验结果',
    params: EvidenceParams,
    responses: { 200: { schema: Evidence, description: 'the evidence' }, ...standardErrors },
  }),
  retrieveEvidence: defineRoute({
    method: 'POST',
    path: '/v1/evidence/{id}/retrievals',
    handler: 'evidence/retrieve-evidence',
    journals: true,
    access: AGENCY_ROLES,
    summary: '调阅：说明目的和理由，得到数分钟有效的下载链接；每次调阅都记录 (REC-7)',
    params: EvidenceParams,
    body: RetrievalInput,
    responses: {
      201: { schema: RetrievalLink, description: '{url, expiresAt}' },
      ...standardErrors,
      422: { description: 'EVIDENCE_NOT_ARCHIVED' },
    },
    evidenceArchive: ['read'],
  }),
  listRetrievals: defineRoute({
    method: 'GET',
    path: '/v1/evidence/{id}/retrievals',
    handler: 'evidence/list-retrievals',
    access: AGENCY_ROLES,
    summary: '调阅记录',
    params: EvidenceParams,
    responses: { 200: { schema: list(Retrieval), description: '{items}' }, ...standardErrors },
  }),
  legalHold: defineRoute({
    method: 'POST',
    path: '/v1/evidence/{id}/legal-hold',
    handler: 'evidence/legal-hold',
    journals: true,
    access: ['admin', 'leader', 'unit-head'],
    summary: '争议证据的法定保全（legal hold）开启或解除 (REC-7)',
    params: EvidenceParams,
    body: z.strictObject({ on: z.boolean(), reason: Words(500, 2) }),
    responses: { 200: { schema: Evidence, description: 'the evidence' }, ...standardErrors },
    evidenceArchive: ['legal-hold'],
  }),
};
