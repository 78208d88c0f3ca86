import { reviewsRoutes as routes } from '#functions/reviews/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { requirementFor } from '#shared/legal-review/use-cases/review-access.ts';
import { readCase } from '#shared/recording/use-cases/case-access.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.reviewRequirement, async ({ params, query, principal }) => {
  const record = await readCase(ports, principal, params.id);
  const proposal =
    query.penaltyKind !== undefined || query.outsideDiscretionBenchmark !== undefined
      ? {
          type: record.category,
          summary: '拟作出的决定',
          legalBasis: '—',
          ...(query.penaltyKind
            ? {
                penalty: {
                  kind: query.penaltyKind,
                  ...(query.amount !== undefined ? { amount: query.amount } : {}),
                },
              }
            : {}),
          outsideDiscretionBenchmark: query.outsideDiscretionBenchmark === 'true',
        }
      : undefined;
  return { status: 200, body: await requirementFor(ports, record, proposal) };
});
