import { complaintsRoutes as routes } from '#functions/complaints/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';
import { answerComplaint } from '#shared/supervision/use-cases/complaints.ts';

export const handler = httpHandler(routes.answerComplaint, async ({ params, body, principal }) => ({
  status: 200,
  body: await answerComplaint(ports, principal, params.id, body.answer),
}));
