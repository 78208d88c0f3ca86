import { describe, expect, it } from 'vitest';
import type { Checklist } from '#shared/checklists/domain/checklist.ts';
import type { ChecklistRepository } from '#shared/checklists/store/checklist-repository.ts';
import { Conflict } from '#shared/kernel/errors.ts';
import type { Port } from '#shared/kernel/store/port.ts';

/** An agency no other test writes: the DynamoDB table is shared by every test file. */
const freshAgency = () => `checklist-contract-${Math.random().toString(36).slice(2, 10)}`;

const draftOf = (agencyId: string, id: string): Checklist => ({
  id,
  agencyId,
  kind: 'matters',
  title: `执法事项清单 ${id}`,
  items: [{ code: `${id}-1`, name: '事项', category: 'penalty' }] as Checklist['items'],
  status: 'draft',
  version: 1,
  editors: ['editor'],
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'editor',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const publishedOf = (draft: Checklist, edition: number, effectiveFrom: string): Checklist => ({
  ...draft,
  status: 'published',
  version: draft.version + 1,
  edition,
  effectiveFrom,
  publishedAt: `${effectiveFrom}T01:00:00.000Z`,
  publishedBy: 'approver',
});

/**
 * What every checklist store keeps (PUB-1..PUB-3): drafts edited by version, each publication
 * one all-or-nothing change of the edition, the one it ends and the kind's pointer, which moves
 * only from what the publisher read; every edition readable by number, oldest first.
 */
export function checklistRepositoryContract(name: string, repository: Port<ChecklistRepository>): void {
  describe(`checklist repository: ${name}`, () => {
    it('[PUB-2] a draft is saved only over the version its editor read', async () => {
      const agencyId = freshAgency();
      const draft = draftOf(agencyId, 'CL-1');
      await repository.create(draft);
      await expect(repository.create(draft)).rejects.toBeInstanceOf(Conflict);
      await repository.saveDraft({ ...draft, title: '改过一次', version: 2 }, 1);
      await expect(
        repository.saveDraft({ ...draft, title: '旧版上改', version: 2 }, 1),
      ).rejects.toBeInstanceOf(Conflict);
      expect(await repository.get(agencyId, draft.id)).toMatchObject({ title: '改过一次', version: 2 });
    });

    it('[PUB-2] the first edition moves the pointer only where there was none; a second first edition is refused whole', async () => {
      const agencyId = freshAgency();
      const [first, rival] = [draftOf(agencyId, 'CL-A'), draftOf(agencyId, 'CL-B')];
      await repository.create(first);
      await repository.create(rival);
      await repository.publish(first, publishedOf(first, 1, '2026-01-01'), undefined, {
        before: undefined,
        after: { inForce: { id: first.id, edition: 1 } },
      });
      await expect(
        repository.publish(rival, publishedOf(rival, 1, '2026-01-01'), undefined, {
          before: undefined,
          after: { inForce: { id: rival.id, edition: 1 } },
        }),
      ).rejects.toBeInstanceOf(Conflict);
      expect(await repository.current(agencyId, 'matters')).toEqual({
        inForce: { id: first.id, edition: 1 },
      });
      expect(await repository.get(agencyId, rival.id)).toMatchObject({ status: 'draft' });
      // A draft that changed since it was read is not published either.
      await expect(
        repository.publish({ ...rival, version: 7 }, publishedOf(rival, 2, '2026-02-01'), undefined, {
          before: { inForce: { id: first.id, edition: 1 } },
          after: { inForce: { id: rival.id, edition: 2 } },
        }),
      ).rejects.toBeInstanceOf(Conflict);
    });

    it('[PUB-2] an edition published to take effect later waits in the pointer beside the one in force, which knows its last day', async () => {
      const agencyId = freshAgency();
      const [first, second] = [draftOf(agencyId, 'CL-A'), draftOf(agencyId, 'CL-B')];
      await repository.create(first);
      await repository.create(second);
      const inForce = publishedOf(first, 1, '2026-01-01');
      await repository.publish(first, inForce, undefined, {
        before: undefined,
        after: { inForce: { id: first.id, edition: 1 } },
      });
      const next = { id: second.id, edition: 2, effectiveFrom: '2026-03-01' };
      const ending = { ...inForce, version: inForce.version + 1, effectiveTo: '2026-02-28' };
      const published = publishedOf(second, 2, '2026-03-01');
      // A publisher who read the pointer before the first edition was published is refused.
      await expect(
        repository.publish(second, published, ending, { before: {}, after: { next } }),
      ).rejects.toBeInstanceOf(Conflict);
      await repository.publish(second, published, ending, {
        before: { inForce: { id: first.id, edition: 1 } },
        after: { inForce: { id: first.id, edition: 1 }, next },
      });
      expect(await repository.current(agencyId, 'matters')).toEqual({
        inForce: { id: first.id, edition: 1 },
        next,
      });
      expect(await repository.get(agencyId, first.id)).toMatchObject({
        status: 'published',
        effectiveTo: '2026-02-28',
      });
      // Every edition by its number and in order, without its rows; the list newest first.
      const summaries = await repository.editionSummaries(agencyId, 'matters');
      expect(summaries.map((each) => [each.edition, each.itemCount, 'items' in each])).toEqual([
        [1, 1, false],
        [2, 1, false],
      ]);
      expect((await repository.edition(agencyId, 'matters', 2))?.id).toBe(second.id);
      expect(await repository.edition(agencyId, 'matters', 3)).toBeUndefined();
      expect((await repository.list(agencyId)).map((each) => each.id)).toEqual([second.id, first.id]);
    });
  });
}
