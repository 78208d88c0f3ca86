import { casesRoutes as routes } from '#functions/cases/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { verifyCaseJournal } from '#shared/use-cases/case-journal.ts';

export const handler = httpHandler(routes.verifyJournal, async ({ params, principal }) => ({
  status: 200,
  body: await verifyCaseJournal(ports, principal, params.id),
}));
