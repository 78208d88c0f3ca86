import * as z from 'zod';
import { Account } from '#functions/responses/accounts.ts';
import { page } from '#functions/responses/common.ts';
import { AgencyProfile } from '#functions/responses/officers.ts';
import { defineRoute, standardErrors } from '#shared/http/route.ts';
import { AgencyId, AgencyProfileInput, NewAgencyInput, SupervisedByInput } from '#shared/kernel/agency.ts';
import { AGENCY_ROLES } from '#shared/kernel/principal.ts';
import { PageQuery } from '#shared/kernel/store/pagination.ts';

/**
 * The route table: API Gateway routes (infra/stacks/stateless-stack.ts), the local server
 * (local/api-server.ts), validation, roles and the OpenAPI document all come from here.
 */
const anyRole = AGENCY_ROLES;

/** The routes of `functions/agency/`. */
export const agencyRoutes = {
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
  createAgency: defineRoute({
    method: 'POST',
    path: '/v1/agencies',
    handler: 'agency/create-agency',
    access: ['platform-admin'],
    summary: '新建执法机关：机关信息、监督机关和首位管理员账号（ORG-6）',
    body: NewAgencyInput,
    responses: {
      201: {
        schema: AgencyProfile.extend({ firstAdmin: Account }),
        description: 'the agency and its first administrator',
      },
      ...standardErrors,
      409: { description: 'CONFLICT: the agency id is taken' },
    },
    idempotent: true,
    journals: true,
    managesIdentities: true,
  }),
  // Who supervises an agency is the platform administrator's to change (ORG-4): the supervision
  // index changes with the profile, in one transaction.
  superviseAgency: defineRoute({
    method: 'PUT',
    path: '/v1/agencies/{agencyId}/supervised-by',
    handler: 'agency/supervise-agency',
    access: ['platform-admin'],
    summary: '变更机关的监督机关（ORG-4）',
    params: z.object({ agencyId: AgencyId }),
    body: SupervisedByInput,
    responses: {
      200: { schema: AgencyProfile, description: 'the agency profile' },
      ...standardErrors,
      404: { description: 'NOT_FOUND: no such agency' },
      409: { description: 'CONFLICT: changed meanwhile' },
    },
  }),
  // One route for both callers: the platform administrator pages through every agency, a
  // supervisor gets the agencies it supervises (ORG-4).
  listAgencies: defineRoute({
    method: 'GET',
    path: '/v1/agencies',
    handler: 'agency/list-agencies',
    access: ['platform-admin', 'supervisor'],
    summary: '机关名录：平台管理员看全部，监督机关看其监督的机关（代码和名称）',
    query: z.object(PageQuery),
    responses: {
      200: {
        schema: page(
          z.object({
            agencyId: z.string(),
            name: z.string(),
            supervisedBy: z
              .array(z.string())
              .optional()
              .describe('the bodies that supervise it: for the platform administrator only'),
          }),
        ),
        description: '{items: [{agencyId, name, supervisedBy?}], nextCursor?}',
      },
      ...standardErrors,
    },
  }),
};
