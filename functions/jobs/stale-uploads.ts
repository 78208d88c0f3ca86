import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { jobHandler } from '#shared/jobs/handler.ts';
import { metrics } from '#shared/observability.ts';
import { ports } from '#shared/store/repositories.ts';
import { staleUploadReport } from '#shared/use-cases/stale-uploads.ts';

export const handler = jobHandler(async () => {
  const report = await staleUploadReport(ports);
  metrics.addMetric('EvidenceUploadsStale', MetricUnit.Count, report.uploads.length);
  return report;
});
