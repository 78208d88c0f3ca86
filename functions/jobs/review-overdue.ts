import { jobHandler } from '#shared/jobs/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { flagOverdueReviews } from '#shared/use-cases/review-deadlines.ts';

export const handler = jobHandler(() => flagOverdueReviews(ports));
