import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Checklist } from '#shared/domain/checklists/checklist.ts';
import { ChecklistRepository } from '#shared/store/checklist-repository.ts';
import { documentClient } from '#shared/store/clients.ts';
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

  it('[PUB-2] an edition published to take effect later waits in the pointer, and a stale pointer is refused', async () => {
    const agencyId = newAgencyId();
    const made = (id: string): Checklist => ({
      id,
      agencyId,
      kind: 'matters',
      title: '执法事项清单',
      items: bulkyRows(1).slice(0, 2) as Checklist['items'],
      status: 'draft',
      version: 1,
      editors: ['editor'],
      createdAt: '2026-01-01T00:00:00.000Z',
      createdBy: 'editor',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    const first = made('CL-A');
    const second = made('CL-B');
    await repository.create(first);
    await repository.create(second);
    const firstPublished = {
      ...first,
      status: 'published' as const,
      version: 2,
      edition: 1,
      effectiveFrom: '2026-01-01',
    };
    await repository.publish(first, firstPublished, undefined, {
      before: undefined,
      after: { inForce: { id: first.id, edition: 1 } },
    });
    const next = { id: second.id, edition: 2, effectiveFrom: '2026-03-01' };
    const ending = { ...firstPublished, version: 3, effectiveTo: '2026-02-28' };
    const published = {
      ...second,
      status: 'published' as const,
      version: 2,
      edition: 2,
      effectiveFrom: '2026-03-01',
    };
    // A publisher who read the pointer before the first edition was published is refused.
    await expect(
      repository.publish(second, published, ending, { before: {}, after: { next } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await repository.publish(second, published, ending, {
      before: { inForce: { id: first.id, edition: 1 } },
      after: { inForce: { id: first.id, edition: 1 }, next },
    });
    expect(await repository.current(agencyId, 'matters')).toEqual({
      inForce: { id: first.id, edition: 1 },
      next,
    });
    // The edition in force keeps its status until its last day has passed; it knows that day.
    expect(await repository.get(agencyId, first.id)).toMatchObject({
      status: 'published',
      effectiveTo: '2026-02-28',
    });
  });
});
