import { jobHandler } from '#shared/jobs/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { documentOldDecisions } from '#shared/use-cases/decisions.ts';

export const handler = jobHandler(() => documentOldDecisions(ports));
