import * as z from 'zod';
import { entity, Instant, list, page } from '#functions/responses/common.ts';

export const Account = entity({
  userId: z.string(),
  agencyId: z.string(),
  name: z.string(),
  unitId: z.string(),
  roles: z.array(z.string()),
  officerCertificateNo: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  status: z.enum(['active', 'disabled']),
  createdAt: Instant,
  createdBy: z.string(),
  updatedAt: Instant,
  updatedBy: z.string(),
  disabledAt: Instant.optional(),
  version: z.number().int(),
});

export const AccountPage = page(Account);
export const ImportedAccounts = list(Account);

/** An entry of the account log: hash-chained like a case's journal (ORG-5). */
export const AccountLogEntry = entity({
  seq: z.number().int(),
  at: Instant,
  actor: z.string().describe('the user id of whoever made the change'),
  type: z.enum(['created', 'updated', 'disabled']),
  data: z.looseObject({ userId: z.string(), before: z.looseObject({}).optional(), after: z.looseObject({}) }),
  prevHash: z.string(),
  hash: z.string(),
});

export const AccountLog = z.object({
  items: z.array(AccountLogEntry),
  nextCursor: z.string().optional(),
  head: z.object({ seq: z.number().int(), hash: z.string() }),
});
