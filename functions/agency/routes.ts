import { AgencyProfile } from '#functions/responses/officers.ts';
import { AGENCY_ROLES } from '#shared/auth.ts';
import { AgencyProfileInput } from '#shared/domain/agency.ts';
import { defineRoute, standardErrors } from '#shared/http/route.ts';

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
};
