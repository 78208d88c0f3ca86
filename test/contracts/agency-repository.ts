import { monotonicFactory, ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import type { AgencyProfile } from '#shared/kernel/agency.ts';
import { Conflict, NotFound, StaleWrite } from '#shared/kernel/errors.ts';
import type { Page } from '#shared/kernel/store/pagination.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import type { AgencyRepository } from '#shared/organisation/store/agency-repository.ts';

/** Agency ids as the platform allows them (small letters, digits, `-`), in the order they are made. */
const monotonic = monotonicFactory();
const newAgencyId = () => `contract-${monotonic().toLowerCase()}`;

const profile = (agencyId: string, overrides: Partial<AgencyProfile> = {}): AgencyProfile => ({
  agencyId,
  name: '昌宁县民政局',
  region: '昌宁县',
  units: [{ id: 'office', name: '办公室' }],
  updatedAt: '2026-03-02T02:00:00.000Z',
  updatedBy: 'platform-admin',
  ...overrides,
});

/** Every page of a listing, from the first to the one without a cursor. */
async function everyPage(
  page: (cursor: string | undefined) => Promise<Page<AgencyProfile>>,
): Promise<AgencyProfile[][]> {
  const pages: AgencyProfile[][] = [];
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    pages.push(next.items);
    cursor = next.nextCursor;
  } while (cursor);
  return pages;
}

/**
 * What every agency store keeps (ORG-6, ORG-4): an agency is created once; every agency is
 * listed in order of id, a page at a time, a name narrowing the pages; the bodies that supervise
 * an agency change only by `supervise`, which keeps the index of each body's agencies (in order
 * of id), so a profile saved over such a change is stale.
 */
export function agencyRepositoryContract(name: string, repository: Port<AgencyRepository>): void {
  describe(`agency repository: ${name}`, () => {
    it('[ORG-6] an agency is created once: a taken id is refused and the first agency stays', async () => {
      const agencyId = newAgencyId();
      const created = profile(agencyId, { supervisedBy: [newAgencyId()], subjectListItem: 'MZ-001' });
      await repository.create(created);
      const again = await repository
        .create(profile(agencyId, { name: '另一个机关' }))
        .catch((error: unknown) => error);
      expect(again).toBeInstanceOf(Conflict);
      expect(again).not.toBeInstanceOf(StaleWrite);
      expect(await repository.get(agencyId)).toEqual(created);
      expect(await repository.get(newAgencyId())).toBeUndefined();
      expect(await repository.ids()).toContain(agencyId);
    });

    it('[ORG-6] every agency is listed in order of id, a page at a time, and a name narrows the pages', async () => {
      const token = ulid();
      const mine = [newAgencyId(), newAgencyId(), newAgencyId(), newAgencyId()];
      const [first, second, third, fourth] = mine as [string, string, string, string];
      // Created out of order; the second has another name.
      await repository.create(profile(third, { name: `${token}县民政局` }));
      await repository.create(profile(first, { name: `${token}县民政局` }));
      await repository.create(profile(second, { name: '昌宁县司法局' }));
      await repository.put(profile(fourth, { name: `昌宁${token}县民政局` }));

      const pages = await everyPage((cursor) => repository.page({ limit: 2, cursor }));
      expect(pages.every((items) => items.length <= 2)).toBe(true);
      const listed = pages.flat().map((item) => item.agencyId);
      expect(new Set(listed).size).toBe(listed.length);
      expect(listed).toEqual([...listed].sort());
      expect(listed.filter((agencyId) => mine.includes(agencyId))).toEqual(mine);

      const named = await everyPage((cursor) => repository.page({ limit: 2, cursor, nameContains: token }));
      expect(named.every((items) => items.length <= 2)).toBe(true);
      expect(named.flat()).toEqual([
        profile(first, { name: `${token}县民政局` }),
        profile(third, { name: `${token}县民政局` }),
        profile(fourth, { name: `昌宁${token}县民政局` }),
      ]);
    });

    it('[ORG-4] a body’s agencies are the ones it supervises, in order of id, and move with `supervise`', async () => {
      const [body, otherBody] = [newAgencyId(), newAgencyId()];
      const [a, b] = [newAgencyId(), newAgencyId()];
      await repository.create(profile(b, { supervisedBy: [body, otherBody] }));
      await repository.create(profile(a, { supervisedBy: [body] }));
      expect(await repository.supervisedBy(body)).toEqual([a, b]);
      expect(await repository.supervisedBy(otherBody)).toEqual([b]);

      const changed = await repository.supervise(a, [otherBody], {
        at: '2026-04-01T02:00:00.000Z',
        by: 'platform-admin',
      });
      expect(changed).toEqual(
        profile(a, { supervisedBy: [otherBody], updatedAt: '2026-04-01T02:00:00.000Z' }),
      );
      expect(await repository.get(a)).toEqual(changed);
      expect(await repository.supervisedBy(body)).toEqual([b]);
      expect(await repository.supervisedBy(otherBody)).toEqual([a, b]);
      expect(await repository.supervisedBy(a)).toEqual([]);
      await expect(
        repository.supervise(newAgencyId(), [body], { at: '2026-04-01T02:00:00.000Z', by: 'platform-admin' }),
      ).rejects.toBeInstanceOf(NotFound);
    });

    it('[ORG-4] a profile saved over a change of its supervising bodies is stale, and changes nothing', async () => {
      const [body, otherBody, agencyId] = [newAgencyId(), newAgencyId(), newAgencyId()];
      await repository.create(profile(agencyId, { supervisedBy: [body] }));
      const read = await repository.get(agencyId);
      await repository.supervise(agencyId, [otherBody], {
        at: '2026-04-01T02:00:00.000Z',
        by: 'platform-admin',
      });
      // The administrator's edit of what they read would put the old bodies back.
      await expect(repository.put({ ...profile(agencyId), ...read, name: '改名' })).rejects.toBeInstanceOf(
        StaleWrite,
      );
      // Nor may an edit drop the bodies.
      await expect(repository.put(profile(agencyId, { name: '改名' }))).rejects.toBeInstanceOf(StaleWrite);
      expect(await repository.get(agencyId)).toMatchObject({
        name: '昌宁县民政局',
        supervisedBy: [otherBody],
      });
      expect(await repository.supervisedBy(body)).toEqual([]);

      const current = await repository.get(agencyId);
      await repository.put({ ...profile(agencyId), ...current, name: '昌宁县民政局（新）' });
      expect(await repository.get(agencyId)).toMatchObject({
        name: '昌宁县民政局（新）',
        supervisedBy: [otherBody],
      });
      expect(await repository.supervisedBy(otherBody)).toEqual([agencyId]);
    });
  });
}
