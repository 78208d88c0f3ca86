import * as z from 'zod';

/** Events about publications, on the platform's event bus, for other systems to follow. */
export const PUBLICATION_EVENT_SOURCE = 'enforcement.publication';

export const PublicationPublished = {
  detailType: 'PublicationPublished',
  version: 1,
  schema: z.object({
    version: z.literal(1),
    agencyId: z.string(),
    publicationId: z.string(),
    caseId: z.string(),
    publishedOn: z.string(),
    dueBy: z.string().nullable(),
    late: z.boolean(),
  }),
} as const;

export const PublicationWithdrawn = {
  detailType: 'PublicationWithdrawn',
  version: 1,
  schema: z.object({
    version: z.literal(1),
    agencyId: z.string(),
    publicationId: z.string(),
    caseId: z.string(),
    kind: z.enum(['changed', 'revoked', 'confirmed-illegal', 'confirmed-void', 'remade']),
    reason: z.string(),
    withdrawnAt: z.string(),
    withdrawBy: z.string().nullable(),
  }),
} as const;
