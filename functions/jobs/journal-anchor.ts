import { jobHandler } from '#shared/jobs/handler.ts';
import { anchorRecentDays } from '#shared/recording/use-cases/journal-anchors.ts';
import { ports } from '#shared/repositories.ts';

export const handler = jobHandler(async () => ({ days: await anchorRecentDays(ports) }));
