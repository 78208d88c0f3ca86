import { continueRecomputations } from '#shared/decisions/use-cases/deadline-recompute.ts';
import { jobHandler } from '#shared/jobs/handler.ts';
import { ports } from '#shared/repositories.ts';

export const handler = jobHandler(() => continueRecomputations(ports));
