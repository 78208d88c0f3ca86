import { jobHandler } from '#shared/jobs/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { continueRecomputations } from '#shared/use-cases/deadline-recompute.ts';

export const handler = jobHandler(() => continueRecomputations(ports));
