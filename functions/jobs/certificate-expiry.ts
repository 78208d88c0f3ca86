import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { jobHandler } from '#shared/jobs/handler.ts';
import { metrics } from '#shared/observability.ts';
import { certificateExpiryReport } from '#shared/organisation/use-cases/certificate-expiry.ts';
import { ports } from '#shared/repositories.ts';

export const handler = jobHandler(async () => {
  const report = await certificateExpiryReport(ports);
  metrics.addMetric('CertificatesExpiringSoon', MetricUnit.Count, report.certificates.length);
  return report;
});
