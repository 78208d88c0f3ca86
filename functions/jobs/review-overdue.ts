import { jobHandler } from '#shared/jobs/handler.ts';
import { flagOverdueReviews } from '#shared/legal-review/use-cases/review-deadlines.ts';
import { ports } from '#shared/repositories.ts';

export const handler = jobHandler(() => flagOverdueReviews(ports));
