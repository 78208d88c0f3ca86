import { routes } from '#functions/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { fileComplaint } from '#shared/use-cases/officers.ts';

export const handler = httpHandler(routes.fileComplaint, async ({ params, query, body }) => {
  const complaint = await fileComplaint(ports, params.certificateNo, query.agencyId, body);
  return { status: 202, body: { complaintId: complaint.complaintId } };
});
