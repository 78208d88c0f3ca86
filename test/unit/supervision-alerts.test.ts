import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import type { Inspection } from '#shared/inspections/domain/inspection.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import { liveAlerts } from '#shared/supervision/use-cases/alerts.ts';
import { fileComplaint } from '#shared/supervision/use-cases/complaints.ts';
import { freshCreditCode } from '#test/helpers/credit-code.ts';
import { AGENCY, OFFICERS, refusal, unitBureau } from '#test/helpers/unit-case.ts';

const supervisor: Principal = {
  sub: 'sfj-he',
  name: '何监督',
  agencyId: 'changning-sfj',
  roles: ['supervisor'],
  supervises: [AGENCY],
};

const inspection = (creditCode: string, createdAt: string): Inspection => ({
  id: ulid(),
  agencyId: AGENCY,
  enterpriseCreditCode: creditCode,
  enterpriseName: '昌宁县夕阳红养老服务有限公司',
  itemCode: 'SJ-1',
  category: 'random',
  officers: [...OFFICERS],
  officerNames: ['王', '李'],
  officerUsers: ['officer-wang', 'officer-li'],
  plannedOn: createdAt.slice(0, 10),
  year: Number(createdAt.slice(0, 4)),
  status: 'pending-approval',
  createdBy: 'officer-wang',
  createdAt,
  version: 1,
});

describe('live alerts for the supervisory body (SUP-5), without a database', () => {
  it('[SUP-5] an overdue complaint, last year’s report unpublished and a repeated inspection are alerts, the oldest first', async () => {
    const { ports, clock } = await unitBureau('2026-03-02T02:00:00.000Z');
    // Last year's report is overdue since 1 February; nothing else is late yet.
    expect((await liveAlerts(ports, supervisor, AGENCY)).items).toEqual([
      {
        kind: 'annual-report-overdue',
        title: '上一年度行政执法数据逾期未公开',
        concerns: { kind: 'annual-report', id: '2025', name: '2025年度' },
        since: '2026-02-01',
      },
    ]);
    await fileComplaint(
      ports,
      { about: { kind: 'officer', ref: OFFICERS[0] }, agencyId: AGENCY, text: '检查时未出示执法证件' },
      { address: '203.0.113.9', perAddressPerDay: 5 },
    );
    const code = freshCreditCode();
    const counts = { category: 'random' as const, limit: 2 };
    await ports.inspections.create(inspection(code, '2026-03-03T02:00:00.000Z'), [
      { agencyId: AGENCY, counts },
    ]);
    const second = inspection(code, '2026-03-20T02:00:00.000Z');
    await ports.inspections.create(second, [{ agencyId: AGENCY, counts, alert: true }]);
    clock.set('2026-05-03T02:00:00.000Z');
    const { items } = await liveAlerts(ports, supervisor, AGENCY);
    expect(items.map((alert) => [alert.kind, alert.since])).toEqual([
      ['annual-report-overdue', '2026-02-01'],
      ['inspection-repeated', '2026-03-20'],
      ['complaint-overdue', '2026-05-02'],
    ]);
    expect(items[1]?.concerns).toEqual({
      kind: 'inspection',
      id: second.id,
      name: '昌宁县夕阳红养老服务有限公司',
    });
    expect(items[2]).toMatchObject({
      title: '投诉举报逾期未答复',
      concerns: { kind: 'complaint', name: 'officer-wang' },
    });
    // Past the limit by an exception, the same enterprise is beyond the limit.
    const third = inspection(code, '2026-05-03T02:00:00.000Z');
    await ports.inspections.create(third, [{ agencyId: AGENCY, counts: 'exceptions', alert: true }]);
    const again = await liveAlerts(ports, supervisor, AGENCY);
    expect(again.items.find((alert) => alert.concerns.kind === 'inspection')).toMatchObject({
      kind: 'inspection-beyond-limit',
      concerns: { id: third.id },
      since: '2026-03-20',
    });
  });

  it('[SUP-5] only a supervisor whose token names the agency reads its alerts; not its own staff, not another body', async () => {
    const { ports } = await unitBureau('2026-03-02T02:00:00.000Z');
    for (const principal of [
      { ...supervisor, supervises: ['changning-scj'] },
      { ...supervisor, roles: ['admin'] },
      { sub: 'mzj-admin', name: '管理员', agencyId: AGENCY, roles: ['admin', 'supervisor'] },
      { sub: 'mzj-inside', name: '内部监督', agencyId: AGENCY, roles: ['supervisor'], supervises: [AGENCY] },
    ] as Principal[])
      expect(await refusal(liveAlerts(ports, principal, AGENCY))).toMatchObject({ kind: 'forbidden' });
  });
});
