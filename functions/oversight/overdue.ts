import { oversightRoutes as routes } from '#functions/oversight/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { listScope } from '#shared/recording/use-cases/case-access.ts';
import { ports } from '#shared/repositories.ts';
import { overdueItems, overseen } from '#shared/supervision/use-cases/oversight.ts';

/**
 * Late publications and reviews: a unit head's unit, the agency for the agency-wide roles; a
 * supervisor reads its own body's late rectifications.
 */
export const handler = httpHandler(routes.overdue, async ({ query, principal }) => {
  const agencyId = overseen(principal, query.agencyId);
  const own = agencyId === principal.agencyId;
  const unit = own ? listScope(principal) : undefined;
  return {
    status: 200,
    body: await overdueItems(ports, agencyId, unit, own ? undefined : principal.agencyId),
  };
});
