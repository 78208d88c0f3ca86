import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { jobHandler } from '#shared/jobs/handler.ts';
import { metrics } from '#shared/observability.ts';
import { sweepPublications } from '#shared/publicity/use-cases/publication-sweep.ts';
import { ports } from '#shared/repositories.ts';

/** The overdue count is the metric the CloudWatch alarm watches (infra/stacks/stateless-stack.ts). */
export const handler = jobHandler(async () => {
  const result = await sweepPublications(ports);
  metrics.addMetric('PublicationsPublished', MetricUnit.Count, result.published.length);
  metrics.addMetric('PublicationsOverdue', MetricUnit.Count, result.overdue.length);
  return result;
});
