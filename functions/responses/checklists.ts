import * as z from 'zod';
import { entity, Instant, LegalDate } from '#functions/responses/common.ts';
import { ChecklistKind } from '#shared/checklists/domain/checklist-kinds.ts';

/** One row of a list; its fields depend on the list's kind (docs/api.md, Checklists). */
export const ChecklistItem = entity({ code: z.string() });

export const Checklist = entity({
  id: z.string(),
  agencyId: z.string(),
  kind: ChecklistKind,
  title: z.string(),
  status: z.string().describe('draft, published or superseded'),
  items: z.array(ChecklistItem),
  edition: z.number().int().optional(),
  effectiveFrom: LegalDate.optional().describe(
    'the first day in force: the day published, or a later day named',
  ),
  effectiveTo: LegalDate.optional().describe('the last day in force, once a later edition was published'),
  publishedAt: Instant.optional(),
  publishedBy: z.string().optional(),
  basedOn: z.string().optional(),
  editors: z.array(z.string()),
  version: z.number().int(),
  createdAt: Instant,
  createdBy: z.string(),
  updatedAt: Instant,
});

export const ChecklistSummary = Checklist.omit({ items: true }).extend({ itemCount: z.number().int() });

/** An edition as the public sees it. */
export const PublicEdition = entity({
  agencyId: z.string(),
  kind: ChecklistKind,
  title: z.string(),
  status: z.string(),
  edition: z.number().int(),
  effectiveFrom: LegalDate,
  effectiveTo: LegalDate.optional(),
  publishedAt: Instant,
  items: z.array(ChecklistItem),
});

export const EditionSummary = PublicEdition.omit({ items: true }).extend({ itemCount: z.number().int() });

export const EditionDiff = z.object({
  from: EditionSummary,
  to: EditionSummary,
  added: z.array(ChecklistItem),
  removed: z.array(ChecklistItem),
  changed: z.array(
    z.object({
      code: z.string(),
      fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
    }),
  ),
});

export const RandomDraw = entity({
  id: z.string(),
  agencyId: z.string(),
  matterCode: z.string(),
  checklistId: z.string(),
  checklistEdition: z.number().int(),
  planYear: z.number().int().optional(),
  planVersion: z.number().int().optional(),
  algorithm: z.string(),
  seed: z.string(),
  poolSha256: z.string(),
  poolSize: z.number().int(),
  subjects: z.array(entity({ id: z.string(), name: z.string() })),
  officers: z.array(entity({ certificateNo: z.string(), name: z.string() })),
  drawnAt: Instant,
  drawnByName: z.string(),
});
