import { monotonicFactory, ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { DRAW_ALGORITHM, type RandomDraw } from '#shared/inspections/domain/random-draw.ts';
import type { RandomDrawRepository } from '#shared/inspections/store/random-draw-repository.ts';
import { Conflict, StaleWrite } from '#shared/kernel/errors.ts';
import type { Port } from '#shared/kernel/store/port.ts';

const newAgencyId = () => `contract-${ulid().toLowerCase()}`;

/** Ids in the order they are made, even within one millisecond. */
const drawId = monotonicFactory();

const draw = (agencyId: string, overrides: Partial<RandomDraw> = {}): RandomDraw => ({
  id: drawId(),
  agencyId,
  matterCode: 'MZ-CC-001',
  checklistId: 'random-inspections',
  checklistEdition: 1,
  planYear: 2026,
  planVersion: 1,
  algorithm: DRAW_ALGORITHM,
  seed: '00112233445566778899aabbccddeeff',
  poolSha256: 'b'.repeat(64),
  poolSize: 3,
  subjects: [{ id: 'ORG-1', name: '昌宁县某养老院' }],
  officers: [
    { certificateNo: 'ZF-0001', name: '李明华' },
    { certificateNo: 'ZF-0002', name: '王芳' },
  ],
  drawnAt: '2026-03-02T02:00:00.000Z',
  drawnBy: 'officer',
  drawnByName: '李明华',
  ...overrides,
});

/**
 * What every random-draw store keeps (PUB-15): a draw is written once and never changed, read by
 * its id alone (the public page and the case it opens name only that), and an agency's latest
 * draws come newest first, as many as asked, none of another agency's.
 */
export function randomDrawRepositoryContract(name: string, repository: Port<RandomDrawRepository>): void {
  describe(`random draw repository: ${name}`, () => {
    it('[PUB-15] a draw is written once: a second write of its id is refused and the draw stays as drawn', async () => {
      const drawn = draw(newAgencyId());
      await repository.add(drawn);
      // A taken id is a fault, not a lost race to retry.
      const again = await repository
        .add({ ...drawn, seed: 'ffeeddccbbaa99887766554433221100' })
        .catch((error: unknown) => error);
      expect(again).toBeInstanceOf(Conflict);
      expect(again).not.toBeInstanceOf(StaleWrite);
      expect(await repository.get(drawn.id)).toEqual(drawn);
      expect(await repository.get(drawId())).toBeUndefined();
    });

    it('[PUB-15] an agency’s latest draws come newest first, as many as asked, and only its own', async () => {
      const [a, b] = [newAgencyId(), newAgencyId()];
      const march = draw(a, { drawnAt: '2026-03-02T02:00:00.000Z' });
      const april = draw(a, { drawnAt: '2026-04-01T02:00:00.000Z' });
      // Two draws of one instant: the later id is the newer.
      const mayFirst = draw(a, { drawnAt: '2026-05-06T02:00:00.000Z' });
      const maySecond = draw(a, { drawnAt: '2026-05-06T02:00:00.000Z' });
      const other = draw(b, { drawnAt: '2026-06-01T02:00:00.000Z' });
      for (const item of [april, maySecond, march, other, mayFirst]) await repository.add(item);
      const ids = async (agencyId: string, limit: number) =>
        (await repository.latest(agencyId, limit)).map((item) => item.id);
      expect(await ids(a, 3)).toEqual([maySecond.id, mayFirst.id, april.id]);
      expect(await ids(a, 10)).toEqual([maySecond.id, mayFirst.id, april.id, march.id]);
      expect(await repository.latest(b, 10)).toEqual([other]);
      expect(await repository.latest(newAgencyId(), 10)).toEqual([]);
    });
  });
}
