import * as z from 'zod';

/** A member of the public's complaint about an officer (PUB-5), filed from the verification page. */
export const ComplaintInput = z.strictObject({
  content: z.string().trim().min(5).max(2000),
  contact: z.string().trim().min(1).max(100).optional(),
});
export type ComplaintInput = z.infer<typeof ComplaintInput>;

export interface Complaint extends ComplaintInput {
  complaintId: string;
  agencyId: string;
  certificateNo: string;
  officerName: string;
  receivedAt: string;
  status: 'received';
}
