import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { jobHandler } from '#shared/jobs/handler.ts';
import { metrics } from '#shared/observability.ts';
import { staleUploadReport } from '#shared/recording/use-cases/stale-uploads.ts';
import { ports } from '#shared/repositories.ts';

export const handler = jobHandler(async () => {
  const report = await staleUploadReport(ports);
  metrics.addMetric('EvidenceUploadsStale', MetricUnit.Count, report.uploads.length);
  return report;
});
