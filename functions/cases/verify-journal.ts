import { casesRoutes as routes } from '#functions/cases/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { verifyCaseJournal } from '#shared/recording/use-cases/case-journal.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.verifyJournal, async ({ params, principal }) => ({
  status: 200,
  body: await verifyCaseJournal(ports, principal, params.id),
}));
