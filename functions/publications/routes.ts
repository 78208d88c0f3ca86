import * as z from 'zod';
import {
  Publication,
  PublicationPage,
  PublicationPreview,
  PublicationRule,
  Revocation,
} from '#functions/responses/publications.ts';
import { defineRoute, IdParam, standardErrors } from '#shared/http/route.ts';
import { AGENCY_ROLES } from '#shared/kernel/principal.ts';
import { PageQuery } from '#shared/kernel/store/pagination.ts';
import { Words } from '#shared/kernel/text.ts';
import {
  PUBLICATION_STATUSES,
  PublicationRuleInput,
  PublicationRuleParams,
  RevocationInput,
} from '#shared/publicity/domain/publication.ts';

/** Publication (公示) routes of the route table (functions/routes.ts). */
const Reason = Words(1000, 2);

/** The routes of `functions/publications/`. */
export const publicationsRoutes = {
  listPublications: defineRoute({
    method: 'GET',
    path: '/v1/publications',
    handler: 'publications/list-publications',
    access: AGENCY_ROLES,
    summary: '公示及其期限',
    query: z.object({
      status: z.enum(PUBLICATION_STATUSES).optional(),
      ...PageQuery,
    }),
    responses: { 200: { schema: PublicationPage, description: '{items, nextCursor}' }, ...standardErrors },
  }),
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
};
