import { jobHandler } from '#shared/jobs/handler.ts';
import { ports } from '#shared/repositories.ts';
import { publishAnnualReports } from '#shared/supervision/use-cases/oversight.ts';

export const handler = jobHandler(() => publishAnnualReports(ports));
