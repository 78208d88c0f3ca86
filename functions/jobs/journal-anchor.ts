import { jobHandler } from '#shared/jobs/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { anchorRecentDays } from '#shared/use-cases/journal-anchors.ts';

export const handler = jobHandler(async () => ({ days: await anchorRecentDays(ports) }));
