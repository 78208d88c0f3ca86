import * as z from 'zod';
import { ComplaintInput } from '#shared/domain/complaint.ts';
import { CertificateNo } from '#shared/domain/officer.ts';
import { defineRoute, standardErrors } from '#shared/http/route.ts';

const CertificateParams = z.strictObject({ certificateNo: CertificateNo });

const AgencyQuery = z.object({ agencyId: z.string().trim().min(1).max(64).optional() });

/** The routes of `functions/complaints/`. */
export const complaintsRoutes = {
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
};
