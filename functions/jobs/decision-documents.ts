import { documentOldDecisions } from '#shared/decisions/use-cases/issue-decision.ts';
import { jobHandler } from '#shared/jobs/handler.ts';
import { ports } from '#shared/repositories.ts';

export const handler = jobHandler(() => documentOldDecisions(ports));
