import { jobHandler } from '#shared/jobs/handler.ts';
import { redriveArrivals } from '#shared/recording/use-cases/arrival-redrive.ts';
import { ports } from '#shared/repositories.ts';

export const handler = jobHandler(() => redriveArrivals(ports));
