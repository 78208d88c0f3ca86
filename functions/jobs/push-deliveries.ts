import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { jobHandler } from '#shared/jobs/handler.ts';
import { metrics } from '#shared/observability.ts';
import { deliverDue } from '#shared/recording/use-cases/push.ts';
import { ports } from '#shared/repositories.ts';

export const handler = jobHandler(async () => {
  const result = await deliverDue(ports);
  metrics.addMetric('PushDeadLetters', MetricUnit.Count, result.dead.length);
  return result;
});
