import { casesRoutes as routes } from '#functions/cases/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { caseJournal } from '#shared/use-cases/case-journal.ts';

export const handler = httpHandler(routes.caseJournal, async ({ params, principal }) => ({
  status: 200,
  body: { entries: await caseJournal(ports, principal, params.id) },
}));
