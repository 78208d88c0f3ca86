import { complaintsRoutes as routes } from '#functions/complaints/routes.ts';
import { config } from '#shared/config.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';
import { fileOfficerComplaint } from '#shared/supervision/use-cases/complaints.ts';

export const handler = httpHandler(routes.fileOfficerComplaint, async ({ params, query, body, sourceIp }) => {
  const { receipt, answerBy, complaint } = await fileOfficerComplaint(
    ports,
    params.certificateNo,
    query.agencyId,
    body,
    { address: sourceIp, perAddressPerDay: config().COMPLAINTS_PER_ADDRESS_PER_DAY },
  );
  return { status: 202, body: { complaintId: complaint.complaintId, receipt, answerBy } };
});
