import { jobHandler } from '#shared/jobs/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { publishAnnualReports } from '#shared/use-cases/oversight.ts';

export const handler = jobHandler(() => publishAnnualReports(ports));
