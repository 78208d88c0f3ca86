import { jobHandler } from '#shared/jobs/handler.ts';
import { ports } from '#shared/repositories.ts';
import { publishSupervisionReports } from '#shared/supervision/use-cases/supervision-report.ts';

export const handler = jobHandler(() => publishSupervisionReports(ports));
