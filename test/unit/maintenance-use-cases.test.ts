import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, legalDateOf } from '#shared/kernel/dates.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { OfficerInput } from '#shared/organisation/domain/officer.ts';
import {
  certificateExpiryReport,
  EXPIRY_NOTICE_DAYS,
} from '#shared/organisation/use-cases/certificate-expiry.ts';
import { changeOfficerStatus, registerOfficer } from '#shared/organisation/use-cases/officers.ts';
import {
  REDRIVE_DAYS,
  REDRIVE_GRACE_MINUTES,
  redriveArrivals,
} from '#shared/recording/use-cases/arrival-redrive.ts';
import { addActivity } from '#shared/recording/use-cases/case-activities.ts';
import { declareEvidence, receiveEvidence } from '#shared/recording/use-cases/evidence.ts';
import { registerCase } from '#shared/recording/use-cases/register-case.ts';
import { STALE_UPLOAD_HOURS, staleUploadReport } from '#shared/recording/use-cases/stale-uploads.ts';
import { transitionCase } from '#shared/recording/use-cases/transition-case.ts';
import {
  AGENCY,
  cast,
  DEVICE,
  OFFICERS,
  PARTY,
  UNIT,
  type UnitWorld,
  unitBureau,
} from '#test/helpers/unit-case.ts';

/** Monday 2 March 2026, 10:00 in Beijing. */
const START = '2026-03-02T02:00:00.000Z';
const hours = (instant: string, count: number) =>
  new Date(new Date(instant).getTime() + count * 3600_000).toISOString();
const minutes = (instant: string, count: number) => hours(instant, count / 60);

/** A case under investigation with an on-site activity open for its AV. */
async function openActivity(world: UnitWorld) {
  const { ports } = world;
  const registered = await registerCase(ports, cast.handler, {
    category: 'penalty',
    procedure: 'general',
    title: '某养老服务点消防安全检查',
    party: PARTY,
    officers: OFFICERS,
    unitId: UNIT,
    flags: {},
  });
  await transitionCase(ports, cast.handler, registered.id, { to: 'investigating' });
  const activity = await addActivity(ports, cast.handler, registered.id, {
    type: 'on-site-inspection',
    officers: OFFICERS,
    location: '昌宁县田园镇某村养老服务点',
    informing: { certificatesShown: true, documentShown: true, rightsExplained: true },
  });
  return { caseId: registered.id, activityId: activity.id };
}

/** AV declared now for the activity; `bytes` are what the device means to upload. */
async function declared(world: UnitWorld, at: { caseId: string; activityId: string }, name: string) {
  const bytes = Buffer.from(`执法记录仪录像 ${name}`);
  const evidence = await declareEvidence(world.ports, cast.handler, at.caseId, {
    activityId: at.activityId,
    fileName: `${name}.mp4`,
    contentType: 'video/mp4',
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    capturedAt: world.clock.now().toISOString(),
    deviceId: DEVICE,
    officer: OFFICERS[0],
    fullProcess: true,
  });
  return { evidence, bytes };
}

describe('stale uploads and the arrival redrive, without a database', () => {
  it('[REC-6] AV declared more than a day ago and never arrived is listed, oldest first; what arrived or is younger is not', async () => {
    const world = await unitBureau(START);
    const activity = await openActivity(world);
    const lost = await declared(world, activity, 'lost');
    const arrived = await declared(world, activity, 'arrived');
    const { key, versionId } = world.ports.storage.upload(arrived.evidence.upload.url, arrived.bytes);
    await receiveEvidence(world.ports, key, versionId);
    world.clock.set(hours(START, 2));
    await declared(world, activity, 'recent');

    // Exactly a day after the first declarations: not more than a day yet.
    world.clock.set(hours(START, STALE_UPLOAD_HOURS));
    expect((await staleUploadReport(world.ports)).uploads).toEqual([]);

    world.clock.set(minutes(hours(START, STALE_UPLOAD_HOURS), 1));
    expect(await staleUploadReport(world.ports)).toEqual({
      before: minutes(START, 1),
      uploads: [
        {
          agencyId: AGENCY,
          caseId: activity.caseId,
          evidenceId: lost.evidence.id,
          fileName: 'lost.mp4',
          declaredAt: lost.evidence.createdAt,
        },
      ],
      more: false,
    });
  });

  it('[REC-6] the redrive verifies what reached the archive without its notification, in its window, once', async () => {
    // Eight days before: AV uploaded whose notification was lost, beyond the redrive's window.
    const world = await unitBureau(
      addCalendarDays(START.slice(0, 10), -(REDRIVE_DAYS + 1)) + START.slice(10),
    );
    const activity = await openActivity(world);
    const old = await declared(world, activity, 'old');
    world.ports.storage.upload(old.evidence.upload.url, old.bytes);

    world.clock.set(START);
    const silent = await declared(world, activity, 'silent');
    world.ports.storage.upload(silent.evidence.upload.url, silent.bytes);
    const tampered = await declared(world, activity, 'tampered');
    world.ports.storage.upload(tampered.evidence.upload.url, Buffer.from('另一段录像'));
    const missing = await declared(world, activity, 'missing');
    // Uploaded a moment ago: its own notification is still on its way.
    const now = hours(START, 1);
    world.clock.set(minutes(now, -(REDRIVE_GRACE_MINUTES - 5)));
    const fresh = await declared(world, activity, 'fresh');
    world.ports.storage.upload(fresh.evidence.upload.url, fresh.bytes);
    world.clock.set(now);

    const first = await redriveArrivals(world.ports);
    // Looked at: the three declared at 10:00 (silent, tampered, missing).
    expect(first.checked).toBe(3);
    // Declared in the same millisecond: in the pending index's order of ids, which is random.
    const byId = (a: { evidenceId: string }, b: { evidenceId: string }) =>
      a.evidenceId.localeCompare(b.evidenceId);
    expect([...first.received].sort(byId)).toEqual(
      [
        { evidenceId: silent.evidence.id, status: 'archived' },
        { evidenceId: tampered.evidence.id, status: 'rejected' },
      ].sort(byId),
    );
    const statusOf = async (id: string) => (await world.ports.evidence.get(AGENCY, id))?.status;
    expect(await statusOf(silent.evidence.id)).toBe('archived');
    expect(await statusOf(missing.evidence.id)).toBe('pending-upload');
    expect(await statusOf(old.evidence.id)).toBe('pending-upload');
    expect(await statusOf(fresh.evidence.id)).toBe('pending-upload');

    // Again: only what is still pending in the window is looked at, and nothing is received twice.
    expect(await redriveArrivals(world.ports)).toEqual({ checked: 1, received: [] });
    // Declared 5 minutes before `now`: its grace ends 5 minutes after, and a minute later it is taken too.
    world.clock.set(minutes(now, REDRIVE_GRACE_MINUTES - 5));
    expect((await redriveArrivals(world.ports)).checked).toBe(1);
    world.clock.set(minutes(now, REDRIVE_GRACE_MINUTES - 4));
    expect(await redriveArrivals(world.ports)).toEqual({
      checked: 2,
      received: [{ evidenceId: fresh.evidence.id, status: 'archived' }],
    });
  });
});

describe('the certificate expiry report, without a database', () => {
  const certificate = (certificateNo: string, validTo: string): OfficerInput => ({
    name: certificateNo,
    unitId: UNIT,
    position: '科员',
    certificateNo,
    categories: ['penalty'],
    region: '昌宁县',
    // A year before it ends: within the five years a certificate may run (LAW-2).
    validFrom: addCalendarDays(validTo, -365),
    validTo,
  });

  it('[PUB-5] lists certificates of every agency expired yesterday or expiring within 30 days, not suspended or revoked ones', async () => {
    const world = await unitBureau(START);
    const { ports } = world;
    const today = legalDateOf(world.clock.now());
    const day = (offset: number) => addCalendarDays(today, offset);
    const entered = [
      certificate('ZF-1001', day(-2)),
      certificate('ZF-1002', day(-1)),
      certificate('ZF-1003', day(0)),
      certificate('ZF-1004', day(EXPIRY_NOTICE_DAYS)),
      certificate('ZF-1005', day(EXPIRY_NOTICE_DAYS + 1)),
      certificate('ZF-1006', day(10)),
    ];
    for (const input of entered) await registerOfficer(ports, cast.admin, input);
    await changeOfficerStatus(ports, cast.admin, 'ZF-1006', { status: 'suspended', reason: '暂扣' });
    // Another agency's officer is on the same list.
    const other: Principal = { sub: 'admin-yd', name: 'admin-yd', agencyId: 'yongde-mzj', roles: ['admin'] };
    await ports.agencies.put({
      agencyId: other.agencyId,
      name: '永德县民政局',
      region: '永德县',
      units: [{ id: UNIT, name: '社会事务股' }],
      updatedAt: START,
      updatedBy: other.sub,
    });
    await registerOfficer(ports, other, certificate('YD-2001', day(5)));

    const report = await certificateExpiryReport(ports);
    expect(report).toEqual({
      checkedOn: today,
      withinDays: EXPIRY_NOTICE_DAYS,
      certificates: [
        { agencyId: AGENCY, certificateNo: 'ZF-1002', name: 'ZF-1002', validTo: day(-1), status: 'expired' },
        { agencyId: AGENCY, certificateNo: 'ZF-1003', name: 'ZF-1003', validTo: day(0), status: 'valid' },
        {
          agencyId: other.agencyId,
          certificateNo: 'YD-2001',
          name: 'YD-2001',
          validTo: day(5),
          status: 'valid',
        },
        {
          agencyId: AGENCY,
          certificateNo: 'ZF-1004',
          name: 'ZF-1004',
          validTo: day(EXPIRY_NOTICE_DAYS),
          status: 'valid',
        },
      ],
    });
    // The bureau's own officers (valid to 2028) are not due.
    expect(report.certificates.map((item) => item.certificateNo)).not.toContain(OFFICERS[0]);
  });
});
