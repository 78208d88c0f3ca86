import * as z from 'zod';
import { Checklist, ChecklistSummary, RandomDraw } from '#functions/responses/checklists.ts';
import { FileBody, list } from '#functions/responses/common.ts';
import { ChecklistStatus, MAX_ITEMS } from '#shared/checklists/domain/checklist.ts';
import { CHECKLIST_KINDS, ChecklistKind, itemSchemas } from '#shared/checklists/domain/checklist-kinds.ts';
import { defineRoute, IdParam, standardErrors } from '#shared/http/route.ts';
import { DrawInput } from '#shared/inspections/domain/random-draw.ts';
import { LegalDate } from '#shared/kernel/dates.ts';
import { AGENCY_ROLES } from '#shared/kernel/principal.ts';

/** The checklist routes of the route table (functions/routes.ts). */
const editors = ['officer', 'unit-head', 'admin', 'reviewer'] as const;

const approvers = ['unit-head', 'admin'] as const;

const Title = z.string().trim().min(1).max(200);

const IdParams = z.strictObject({ id: IdParam });

/** One variant per kind, so every item is checked against its kind's schema. */
const CreateChecklistBody = z.discriminatedUnion(
  'kind',
  CHECKLIST_KINDS.map((kind) =>
    z.strictObject({
      kind: z.literal(kind),
      title: Title,
      items:
        kind === 'officers'
          ? z.array(z.unknown()).max(0, { error: '执法人员资格清单由执法人员库自动生成' }).optional()
          : z.array(itemSchemas[kind]).max(MAX_ITEMS),
    }),
  ) as unknown as [z.ZodObject, z.ZodObject, ...z.ZodObject[]],
);

/** The routes of `functions/checklists/`. */
export const checklistsRoutes = {
  createChecklist: defineRoute({
    method: 'POST',
    path: '/v1/checklists',
    handler: 'checklists/create-checklist',
    access: editors,
    summary: '编制清单草稿 (PUB-2..PUB-6, REC-5, REV-2)；执法人员资格清单自动生成',
    body: CreateChecklistBody,
    responses: {
      201: { schema: Checklist, description: 'the draft' },
      ...standardErrors,
      422: { description: 'CHECKLIST_TOO_LARGE' },
    },
    idempotent: true,
  }),
  importChecklist: defineRoute({
    method: 'POST',
    path: '/v1/checklists/import',
    handler: 'checklists/import-checklist',
    access: editors,
    summary: '从 xlsx 或 CSV 表格导入清单草稿；有任何错误行则不导入',
    body: z.strictObject({
      kind: ChecklistKind,
      title: Title,
      format: z.enum(['xlsx', 'csv']),
      // Lambda takes 6 MB of request: 5 MiB of base64 (3.75 MiB of file) leaves room for the rest.
      content: z.base64().max(5 * 1024 * 1024, '文件过大：导入的表格不得超过 3.75 MB'),
    }),
    responses: { 201: { schema: Checklist, description: 'the draft' }, ...standardErrors },
    idempotent: true,
  }),
  listChecklists: defineRoute({
    method: 'GET',
    path: '/v1/checklists',
    handler: 'checklists/list-checklists',
    access: AGENCY_ROLES,
    summary: '本机关的清单（各版本，不含事项）',
    query: z.object({ kind: ChecklistKind.optional(), status: ChecklistStatus.optional() }),
    responses: { 200: { schema: list(ChecklistSummary), description: '{items}' }, ...standardErrors },
  }),
  getChecklist: defineRoute({
    method: 'GET',
    path: '/v1/checklists/{id}',
    handler: 'checklists/get-checklist',
    access: AGENCY_ROLES,
    summary: '清单的一个版本，含全部事项',
    params: IdParams,
    responses: { 200: { schema: Checklist, description: 'the checklist' }, ...standardErrors },
  }),
  editChecklist: defineRoute({
    method: 'PUT',
    path: '/v1/checklists/{id}',
    handler: 'checklists/edit-checklist',
    access: editors,
    summary: '修改草稿；修改已发布的清单则生成新的草稿版本（动态管理）',
    params: IdParams,
    body: z.strictObject({
      title: Title.optional(),
      items: z.array(z.unknown()).max(MAX_ITEMS).optional(),
      expectedVersion: z.number().int().positive(),
    }),
    responses: {
      200: { schema: Checklist, description: 'the draft' },
      201: { schema: Checklist, description: 'a new draft, based on the published list that was edited' },
      ...standardErrors,
      409: { description: 'CONFLICT: stale expectedVersion' },
    },
  }),
  publishChecklist: defineRoute({
    method: 'POST',
    path: '/v1/checklists/{id}/publish',
    handler: 'checklists/publish-checklist',
    access: approvers,
    summary: '审核发布清单（编制人以外的股室负责人或管理员），原现行版本被替代 (PUB-1, PUB-4)',
    params: IdParams,
    body: z
      .strictObject({
        expectedVersion: z.number().int().positive().optional(),
        /** The day it takes effect, today (the default) or a later day within a year. */
        effectiveFrom: LegalDate.optional(),
      })
      .optional(),
    responses: {
      200: { schema: Checklist, description: 'the published checklist' },
      ...standardErrors,
      409: { description: 'CONFLICT' },
      422: { description: 'UNKNOWN_MATTER' },
    },
    idempotent: true,
  }),
  exportChecklist: defineRoute({
    method: 'GET',
    path: '/v1/checklists/{id}/export',
    handler: 'checklists/export-checklist',
    access: AGENCY_ROLES,
    summary: '导出为 xlsx 或 CSV（中文表头）',
    params: IdParams,
    query: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
    responses: {
      200: {
        schema: FileBody,
        description: 'the spreadsheet',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      ...standardErrors,
    },
  }),
  drawInspection: defineRoute({
    method: 'POST',
    path: '/v1/random-draws',
    handler: 'checklists/draw-inspection',
    access: ['unit-head', 'admin'],
    summary:
      '双随机抽取：从检查对象名录随机抽取检查对象、从执法人员中随机抽取检查人员，种子公开可复现，结果即时公开 (PUB-15)',
    body: DrawInput,
    responses: {
      201: {
        schema: RandomDraw,
        description: 'the draw: {id, seed, algorithm, poolSha256, subjects, officers, ...}',
      },
      ...standardErrors,
      422: { description: 'MATTER_NOT_PUBLISHED, OFFICER_NOT_QUALIFIED' },
    },
    idempotent: true,
  }),
};
