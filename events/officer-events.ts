import * as z from 'zod';

/** Events about officers and their certificates, on the platform's event bus. */
export const OFFICER_EVENT_SOURCE = 'enforcement.officers';

export const CertificateStatusChanged = {
  detailType: 'CertificateStatusChanged',
  version: 1,
  schema: z.object({
    version: z.literal(1),
    agencyId: z.string(),
    certificateNo: z.string(),
    officerName: z.string(),
    status: z.enum(['valid', 'suspended', 'revoked']),
    reason: z.string(),
    validTo: z.string(),
    changedAt: z.string(),
    changedBy: z.string(),
  }),
} as const;
export type CertificateStatusChangedDetail = z.infer<typeof CertificateStatusChanged.schema>;
