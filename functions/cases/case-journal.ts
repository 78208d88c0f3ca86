import { casesRoutes as routes } from '#functions/cases/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { caseJournal } from '#shared/recording/use-cases/case-journal.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.caseJournal, async ({ params, principal }) => ({
  status: 200,
  body: { entries: await caseJournal(ports, principal, params.id) },
}));
