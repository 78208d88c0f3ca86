import * as z from 'zod';
import { LegalDate } from '#shared/kernel/dates.ts';

/** A training an officer or a key enforcement staff member attended (ORG-3), like reviewers' (REV-6). */
export const TrainingInput = z.strictObject({
  title: z.string().trim().min(1).max(200),
  date: LegalDate,
  hours: z.number().positive().max(1000),
  provider: z.string().trim().min(1).max(200).optional(),
  /** 执法业务骨干: trained as a key enforcement staff member. */
  keyStaff: z.boolean().optional(),
});
export type TrainingInput = z.infer<typeof TrainingInput>;

export interface Training extends TrainingInput {
  id: string;
  agencyId: string;
  certificateNo: string;
  recordedAt: string;
  recordedBy: string;
}
