import { complaintsRoutes as routes } from '#functions/complaints/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';
import { complaintByReceipt } from '#shared/supervision/use-cases/complaints.ts';

export const handler = httpHandler(routes.complaintByReceipt, async ({ params }) => ({
  status: 200,
  body: await complaintByReceipt(ports, params.receipt),
}));
