import * as z from 'zod';
import { entity, Instant, LegalDate, page } from '#functions/responses/common.ts';
import type { PublicCertificate as Certificate } from '#shared/organisation/use-cases/officers.ts';

export const StatusChange = entity({
  status: z.string(),
  reason: z.string(),
  at: Instant,
  by: z.string(),
  validTo: LegalDate.optional(),
});

export const Officer = entity({
  agencyId: z.string(),
  certificateNo: z.string(),
  name: z.string(),
  unitId: z.string(),
  position: z.string(),
  userId: z.string().optional(),
  categories: z.array(z.string()),
  region: z.string(),
  validFrom: LegalDate,
  validTo: LegalDate,
  status: z.string(),
  effectiveStatus: z.string().describe('valid, suspended, revoked, expired or not-yet-valid, for today'),
  statusHistory: z.array(StatusChange),
  createdAt: Instant,
  createdBy: z.string(),
  version: z.number().int(),
});

export const Training = entity({
  id: z.string(),
  agencyId: z.string(),
  certificateNo: z.string(),
  title: z.string(),
  date: LegalDate,
  hours: z.number(),
  keyStaff: z.boolean().optional(),
  recordedAt: Instant,
  recordedBy: z.string(),
});

export const AgencyProfile = entity({
  agencyId: z.string(),
  name: z.string(),
  region: z.string(),
  documentPrefix: z.string().optional(),
  units: z.array(entity({ id: z.string(), name: z.string() })),
  reviewWorkingDays: z.number().int().optional(),
  supervisedBy: z.array(z.string()).optional().describe('the bodies that supervise the agency (ORG-6)'),
  subjectListItem: z.string().optional(),
  updatedAt: Instant.optional(),
  updatedBy: z.string().optional(),
});

export const Device = entity({
  agencyId: z.string(),
  deviceId: z.string(),
  kind: z.string(),
  model: z.string().optional(),
  unitId: z.string(),
  custodian: z.string(),
  status: z.string(),
  registeredAt: Instant,
  registeredBy: z.string(),
  updatedAt: Instant,
});

export const OfficerPage = page(Officer);

/** What 亮证 verification shows a citizen; checked at compile time against what the use case returns. */
export const PublicCertificate: z.ZodType<Certificate> = z.object({
  name: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  unit: z.string(),
  position: z.string(),
  certificateNo: z.string(),
  categories: z.array(z.string()),
  categoryNames: z.array(z.string()),
  region: z.string(),
  status: z.enum(['valid', 'suspended', 'revoked', 'expired', 'not-yet-valid']),
  statusName: z.string(),
  validFrom: LegalDate,
  validTo: LegalDate,
  checkedAt: Instant,
});
