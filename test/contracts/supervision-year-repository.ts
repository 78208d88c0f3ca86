import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { Conflict } from '#shared/kernel/errors.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import type { Complaint } from '#shared/supervision/domain/complaint.ts';
import {
  type SupervisionReport,
  supervisionReportFigures,
} from '#shared/supervision/domain/supervision-report.ts';
import type { ComplaintRepository } from '#shared/supervision/store/complaint-repository.ts';
import type { SupervisionYearRepository } from '#shared/supervision/store/supervision-year-repository.ts';

const fresh = (kind: string) => `contract-${kind}-${ulid().toLowerCase()}`;

const complaint = (agencyId: string): Complaint => ({
  complaintId: ulid(),
  agencyId,
  about: { kind: 'agency', ref: agencyId },
  aboutName: '合同测试局',
  text: '窗口人员推诿扯皮',
  receivedAt: '2026-03-02T02:00:00.000Z',
  answerBy: '2026-05-01',
  status: 'received',
  version: 1,
});

const report = (bodyId: string, year: number): SupervisionReport => ({
  ...supervisionReportFigures({
    bodyId,
    bodyName: '合同测试司法局',
    year,
    counters: [{ agencyId: 'contract-agency', counts: { 'opened.hotline': 2, 'complaints.received': 1 } }],
    evaluations: [],
    overdue: [],
    agencyNames: new Map([['contract-agency', '合同测试局']]),
  }),
  status: 'published',
  publishedAt: `${year + 1}-01-02T02:00:00.000Z`,
});

/**
 * What every store of the supervisory bodies' years keeps (SUP-6), with the complaint store
 * that writes into it in its own transactions: DynamoDB (test/integration) and the in-memory
 * ones (test/unit). The counts are read back by their dotted names, summed per agency and year.
 */
export function supervisionYearRepositoryContract(
  name: string,
  stores: { years: Port<SupervisionYearRepository>; complaints: Port<ComplaintRepository> },
): void {
  const { years, complaints } = stores;
  describe(`supervision year repository: ${name}`, () => {
    it('[SUP-6] the counts written with complaints add up per body, agency and year, and mark the body’s year', async () => {
      const [body, other] = [fresh('body'), fresh('body')];
      const [agency, second] = [fresh('agency'), fresh('agency')];
      const received = (agencyId: string, year = 2026) => [
        { bodyId: body, agencyId, year, counts: { 'complaints.received': 1 } },
        { bodyId: other, agencyId, year, counts: { 'complaints.received': 1 } },
      ];
      const first = complaint(agency);
      await complaints.create(first, `R-${ulid()}`, received(agency));
      await complaints.create(complaint(agency), `R-${ulid()}`, received(agency));
      await complaints.create(complaint(second), `R-${ulid()}`, received(second));
      await complaints.create(complaint(agency), `R-${ulid()}`, received(agency, 2027));
      await complaints.update({ ...first, status: 'answered', version: 2 }, 1, [
        { bodyId: body, agencyId: agency, year: 2026, counts: { 'complaints.answeredLate': 1 } },
      ]);
      const counters = await years.counters(body, 2026);
      expect(counters.sort((a, b) => (a.agencyId < b.agencyId ? -1 : 1))).toEqual(
        [
          { agencyId: agency, counts: { 'complaints.received': 2, 'complaints.answeredLate': 1 } },
          { agencyId: second, counts: { 'complaints.received': 1 } },
        ].sort((a, b) => (a.agencyId < b.agencyId ? -1 : 1)),
      );
      expect(await years.counters(other, 2027)).toEqual([
        { agencyId: agency, counts: { 'complaints.received': 1 } },
      ]);
      expect(await years.bodiesWithData(2026)).toEqual(expect.arrayContaining([body, other]));
      expect(await years.bodiesWithData(2025)).not.toContain(body);
    });

    it('[SUP-6] a year’s report is written once: a second writer gets a 409 and the first stays', async () => {
      const body = fresh('body');
      expect(await years.report(body, 2026)).toBeUndefined();
      await years.publish(report(body, 2026));
      await expect(
        years.publish({ ...report(body, 2026), publishedAt: '2027-01-03T02:00:00.000Z' }),
      ).rejects.toBeInstanceOf(Conflict);
      expect(await years.report(body, 2026)).toEqual(report(body, 2026));
      expect(await years.report(body, 2025)).toBeUndefined();
      // The report sits beside the counters and is not one of them.
      expect(await years.counters(body, 2026)).toEqual([]);
    });
  });
}
