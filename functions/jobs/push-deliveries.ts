import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { jobHandler } from '#shared/jobs/handler.ts';
import { metrics } from '#shared/observability.ts';
import { ports } from '#shared/store/repositories.ts';
import { deliverDue } from '#shared/use-cases/push.ts';

export const handler = jobHandler(async () => {
  const result = await deliverDue(ports);
  metrics.addMetric('PushDeadLetters', MetricUnit.Count, result.dead.length);
  return result;
});
