import { complaintsRoutes as routes } from '#functions/complaints/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';
import { listComplaints } from '#shared/supervision/use-cases/complaints.ts';

export const handler = httpHandler(routes.listComplaints, async ({ query, principal }) => ({
  status: 200,
  body: await listComplaints(ports, principal, query),
}));
