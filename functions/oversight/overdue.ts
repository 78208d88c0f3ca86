import { routes } from '#functions/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { listScope } from '#shared/use-cases/cases.ts';
import { overdueItems, overseen } from '#shared/use-cases/oversight.ts';

/** Late publications and reviews: a unit head's unit, the agency for the agency-wide roles. */
export const handler = httpHandler(routes.overdue, async ({ query, principal }) => {
  const agencyId = overseen(principal, query.agencyId);
  const unit = agencyId === principal.agencyId ? listScope(principal) : undefined;
  return { status: 200, body: await overdueItems(ports, agencyId, unit) };
});
