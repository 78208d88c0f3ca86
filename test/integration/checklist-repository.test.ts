import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Checklist } from '#shared/checklists/domain/checklist.ts';
import { ChecklistRepository } from '#shared/checklists/store/checklist-repository.ts';
import { documentClient } from '#shared/kernel/store/clients.ts';
import { checklistRepositoryContract } from '#test/contracts/checklist-repository.ts';
import { newAgencyId } from '#test/helpers/api.ts';

const repository = new ChecklistRepository(documentClient, process.env.MAIN_TABLE ?? '');

/** About 300 KB of rows that do not compress: near the most one edition may hold. */
const bulkyRows = (edition: number) =>
  Array.from({ length: 300 }, (_, n) => ({
    code: `SX-${edition}-${n}`,
    name: randomBytes(1000).toString('base64'),
    category: 'penalty',
  }));

describe('checklist editions on DynamoDB Local', () => {
  it('[PUB-3] every edition stays reachable, however many and however large (past one 1 MB query page)', async () => {
    const agencyId = newAgencyId();
    let inForce: Checklist | undefined;
    for (const edition of [1, 2, 3, 4, 5]) {
      const draft: Checklist = {
        id: `CL-${edition}`,
        agencyId,
        kind: 'matters',
        title: `执法事项清单（第 ${edition} 版）`,
        items: bulkyRows(edition) as Checklist['items'],
        status: 'draft',
        version: 1,
        editors: ['editor'],
        createdAt: '2026-01-01T00:00:00.000Z',
        createdBy: 'editor',
        updatedAt: '2026-01-01T00:00:00.000Z',
      };
      await repository.create(draft);
      const published: Checklist = {
        ...draft,
        status: 'published',
        version: 2,
        edition,
        effectiveFrom: `2026-0${edition}-01`,
        publishedAt: `2026-0${edition}-01T00:00:00.000Z`,
        publishedBy: 'approver',
      };
      const superseded = inForce && {
        ...inForce,
        status: 'superseded' as const,
        effectiveTo: `2026-0${edition}-01`,
      };
      await repository.publish(draft, published, superseded, {
        before: inForce && { inForce: { id: inForce.id, edition: edition - 1 } },
        after: { inForce: { id: published.id, edition } },
      });
      inForce = published;
    }
    const summaries = await repository.editionSummaries(agencyId, 'matters');
    expect(summaries.map((summary) => summary.edition)).toEqual([1, 2, 3, 4, 5]);
    expect(summaries.every((summary) => summary.itemCount === 300 && !('items' in summary))).toBe(true);
    const first = await repository.edition(agencyId, 'matters', 1);
    expect(first?.items).toHaveLength(300);
    expect(first?.status).toBe('superseded');
    expect(await repository.edition(agencyId, 'matters', 6)).toBeUndefined();
  });
});

checklistRepositoryContract('DynamoDB Local', repository);
