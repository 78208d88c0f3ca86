import * as z from 'zod';
import { page } from '#functions/responses/common.ts';
import {
  EnterpriseInspection,
  Inspection,
  InspectionPlan,
  ScanResult,
  SupervisionCode,
} from '#functions/responses/inspections.ts';
import { defineRoute, IdParam, standardErrors } from '#shared/http/route.ts';
import { InspectionInput, RatingInput } from '#shared/inspections/domain/inspection.ts';
import {
  PlanFilingInput,
  PlanInput,
  PlanVersionQuery,
  PlanYear,
} from '#shared/inspections/domain/inspection-plan.ts';
import { AGENCY_ROLES } from '#shared/kernel/principal.ts';
import { PageQuery } from '#shared/kernel/store/pagination.ts';

const IdParams = z.strictObject({ id: IdParam });
const YearParams = z.strictObject({ year: PlanYear });
/** The routes of inspections of enterprises (INS-1..INS-5), beside their handlers. */
export const inspectionsRoutes = {
  createInspection: defineRoute({
    method: 'POST',
    path: '/v1/inspections',
    handler: 'inspections/create-inspection',
    access: ['officer', 'unit-head', 'admin'],
    summary:
      '编制涉企行政检查任务，待负责人审批：检查事项须在已公布的清单中，检查人员须具备资格，不超过年度检查次数上限或注明例外情形 (INS-1, INS-3)',
    body: InspectionInput,
    responses: {
      201: { schema: Inspection, description: 'the task, pending approval' },
      ...standardErrors,
      422: { description: 'NOT_ON_LIST, OFFICER_NOT_QUALIFIED, INSPECTION_LIMIT_REACHED' },
    },
    idempotent: true,
  }),
  listInspections: defineRoute({
    method: 'GET',
    path: '/v1/inspections',
    handler: 'inspections/list-inspections',
    access: AGENCY_ROLES,
    summary: '本机关的涉企检查任务，最新在前',
    query: z.object(PageQuery),
    responses: { 200: { schema: page(Inspection), description: '{items, nextCursor?}' }, ...standardErrors },
  }),
  getInspection: defineRoute({
    method: 'GET',
    path: '/v1/inspections/{id}',
    handler: 'inspections/get-inspection',
    access: AGENCY_ROLES,
    summary: '本机关的一项涉企检查任务',
    params: IdParams,
    responses: { 200: { schema: Inspection, description: 'the task' }, ...standardErrors },
  }),
  approveInspection: defineRoute({
    method: 'POST',
    path: '/v1/inspections/{id}/approval',
    handler: 'inspections/approve-inspection',
    access: ['unit-head'],
    summary: '负责人审批检查任务（检查必审批）；检查人员和编制人不能审批 (INS-1)',
    params: IdParams,
    responses: {
      200: { schema: Inspection, description: 'the approved task' },
      ...standardErrors,
      409: { description: 'CONFLICT: already approved' },
    },
  }),
  scanInspection: defineRoute({
    method: 'POST',
    path: '/v1/inspections/{id}/scan',
    handler: 'inspections/scan-inspection',
    access: ['officer'],
    summary:
      '扫码入企：本任务的检查人员在现场扫描企业监管码，登记检查开始，立案并依检查任务生成行政检查审批表，开始现场检查 (INS-4, INS-6)',
    params: IdParams,
    body: z.strictObject({ code: z.string().trim().min(1).max(200) }),
    responses: {
      201: {
        schema: ScanResult,
        description: 'the started task, its case, its 审批表 and its on-site activity',
      },
      ...standardErrors,
      409: { description: 'CONFLICT: already started' },
      422: { description: 'NOT_APPROVED, CODE_REFUSED, NOT_ON_LIST (the item withdrawn since)' },
    },
    journals: true,
  }),
  enterpriseCode: defineRoute({
    method: 'GET',
    path: '/v1/enterprise/code',
    handler: 'inspections/enterprise-code',
    access: ['enterprise'],
    summary: '本企业的监管码（二维码），检查人员现场扫码入企 (INS-4)',
    responses: { 200: { schema: SupervisionCode, description: '{code, svg}' }, ...standardErrors },
  }),
  renewEnterpriseCode: defineRoute({
    method: 'POST',
    path: '/v1/enterprise/code',
    handler: 'inspections/renew-enterprise-code',
    access: ['enterprise'],
    summary: '更新本企业的监管码，原监管码随即失效 (INS-4)',
    responses: {
      201: { schema: SupervisionCode, description: '{code, svg}: the new code' },
      ...standardErrors,
    },
  }),
  enterpriseInspections: defineRoute({
    method: 'GET',
    path: '/v1/enterprise/inspections',
    handler: 'inspections/enterprise-inspections',
    access: ['enterprise'],
    summary: '本企业接受的行政检查，最新在前 (INS-5)',
    query: z.object(PageQuery),
    responses: {
      200: { schema: page(EnterpriseInspection), description: '{items, nextCursor?}' },
      ...standardErrors,
    },
  }),
  rateInspection: defineRoute({
    method: 'POST',
    path: '/v1/enterprise/inspections/{id}/rating',
    handler: 'inspections/rate-inspection',
    access: ['enterprise'],
    summary: '企业评价一次已开始的检查 (INS-5)',
    params: IdParams,
    body: RatingInput,
    responses: {
      200: { schema: EnterpriseInspection, description: 'the inspection, rated' },
      ...standardErrors,
      409: { description: 'CONFLICT: already rated' },
      422: { description: 'NOT_STARTED' },
    },
  }),
  draftInspectionPlan: defineRoute({
    method: 'PUT',
    path: '/v1/inspection-plans/{year}',
    handler: 'inspections/draft-plan',
    access: ['officer', 'unit-head'],
    summary:
      '编制年度检查计划：检查事项须在已公布的清单中，双随机事项填抽查比例和频次，重点检查事项填计划次数；已报备的计划修改为新版本 (INS-2)',
    params: YearParams,
    body: PlanInput,
    responses: {
      200: { schema: InspectionPlan, description: 'the draft: a new version once the last one was filed' },
      ...standardErrors,
      409: { description: 'CONFLICT: changed by another person meanwhile' },
      422: { description: 'NOT_ON_LIST' },
    },
  }),
  fileInspectionPlan: defineRoute({
    method: 'POST',
    path: '/v1/inspection-plans/{year}/filing',
    handler: 'inspections/file-plan',
    access: ['unit-head', 'admin'],
    summary: '向监督机关报备年度检查计划；编制人不能报备自己编制的计划 (INS-2)',
    params: YearParams,
    body: PlanFilingInput,
    responses: {
      200: { schema: InspectionPlan, description: 'the filed version' },
      ...standardErrors,
      409: { description: 'CONFLICT: already filed, or changed since the revision read' },
      422: { description: 'NOT_ON_LIST: an item no longer published' },
    },
  }),
  getInspectionPlan: defineRoute({
    method: 'GET',
    path: '/v1/inspection-plans/{year}',
    handler: 'inspections/get-plan',
    access: AGENCY_ROLES,
    summary: '本机关的年度检查计划：最新版本，或 ?version= 的历次版本 (INS-2)',
    params: YearParams,
    query: PlanVersionQuery,
    responses: { 200: { schema: InspectionPlan, description: 'the version' }, ...standardErrors },
  }),
  supervisedInspectionPlan: defineRoute({
    method: 'GET',
    path: '/v1/supervision/inspection-plans',
    handler: 'inspections/supervised-plan',
    access: ['supervisor'],
    summary: '监督机关查看所监督机关已报备的年度检查计划：最新报备版本，或 ?version= 的历次报备版本 (INS-2)',
    query: PlanVersionQuery.extend({ agencyId: IdParam, year: PlanYear }),
    responses: { 200: { schema: InspectionPlan, description: 'the filed version' }, ...standardErrors },
  }),
};
