import { jobHandler } from '#shared/jobs/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { redriveArrivals } from '#shared/use-cases/arrival-redrive.ts';

export const handler = jobHandler(() => redriveArrivals(ports));
