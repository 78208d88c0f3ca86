import { describe, expect, it } from 'vitest';
import { Conflict, NotFound, RuleViolation } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { OfficerInput } from '#shared/organisation/domain/officer.ts';
import {
  changeOfficerStatus,
  type OfficerPorts,
  registerOfficer,
  verifyCertificate,
} from '#shared/organisation/use-cases/officers.ts';
import { type ComplaintPorts, fileOfficerComplaint } from '#shared/supervision/use-cases/complaints.ts';
import { officerRepositoryContract } from '#test/contracts/officer-repository.ts';
import { InMemoryPublications } from '#test/fakes/in-memory-publicity.ts';
import { eventLog, InMemoryAgencies, InMemoryOfficers, testClock } from '#test/fakes/in-memory-stores.ts';
import { InMemoryComplaints } from '#test/fakes/in-memory-supervision.ts';

// The in-memory store keeps the contract the DynamoDB one keeps (test/integration).
officerRepositoryContract('in memory', new InMemoryOfficers());

const admin = (agencyId: string): Principal => ({ sub: 'admin', name: '管理员', agencyId, roles: ['admin'] });

const input = (overrides: Partial<OfficerInput> = {}): OfficerInput => ({
  name: '李明华',
  unitId: 'shswg',
  position: '股长',
  certificateNo: 'ZF-0001',
  userId: 'officer-li',
  categories: ['penalty'],
  region: '昌宁县',
  validFrom: '2025-01-01',
  validTo: '2026-12-31',
  ...overrides,
});

function world() {
  const clock = testClock('2026-12-02T02:00:00.000Z');
  const log = eventLog();
  const ports = {
    officers: new InMemoryOfficers(),
    agencies: new InMemoryAgencies(),
    complaints: new InMemoryComplaints(),
    publications: new InMemoryPublications(),
    now: clock.now,
    publish: log.publish,
  } satisfies OfficerPorts & ComplaintPorts;
  return { ports, clock, events: log.events };
}

describe('officers and certificates, without a database', () => {
  it('[PUB-5] an officer belongs to one of the agency’s units when it lists them; a number is registered once', async () => {
    const { ports } = world();
    await ports.agencies.put({
      agencyId: 'a',
      name: '昌宁县民政局',
      region: '昌宁县',
      units: [{ id: 'shswg', name: '社会事务股' }],
      updatedAt: '2026-01-01T00:00:00.000Z',
      updatedBy: 'admin',
    });
    await expect(registerOfficer(ports, admin('a'), input({ unitId: 'nowhere' }))).rejects.toMatchObject({
      code: 'UNKNOWN_UNIT',
    });
    const registered = await registerOfficer(ports, admin('a'), input());
    expect(registered).toMatchObject({
      status: 'valid',
      effectiveStatus: 'valid',
      version: 1,
      createdBy: 'admin',
    });
    await expect(registerOfficer(ports, admin('a'), input())).rejects.toBeInstanceOf(Conflict);
  });

  it('[PUB-5] a status change is recorded, announced once, and a revoked certificate stays revoked', async () => {
    const { ports, events } = world();
    await registerOfficer(ports, admin('a'), input());
    const suspended = await changeOfficerStatus(ports, admin('a'), 'ZF-0001', {
      status: 'suspended',
      reason: '暂扣',
    });
    expect(suspended).toMatchObject({ status: 'suspended', version: 2 });
    expect(events).toHaveLength(1);
    expect(events[0]?.detail).toMatchObject({
      certificateNo: 'ZF-0001',
      status: 'suspended',
      reason: '暂扣',
    });
    await changeOfficerStatus(ports, admin('a'), 'ZF-0001', { status: 'revoked', reason: '吊销' });
    const refused = changeOfficerStatus(ports, admin('a'), 'ZF-0001', { status: 'valid', reason: '恢复' });
    await expect(refused).rejects.toBeInstanceOf(RuleViolation);
    await expect(refused).rejects.toMatchObject({ code: 'INVALID_STATUS_CHANGE' });
    expect(events).toHaveLength(2);
  });

  it('[PUB-7] verification says what the certificate is worth today, by the clock, and shows no account or history', async () => {
    const { ports, clock } = world();
    await registerOfficer(ports, admin('a'), input());
    const today = await verifyCertificate(ports, 'ZF-0001');
    expect(today).toMatchObject({ status: 'valid', statusName: '有效', agencyName: 'a' });
    expect(today).not.toHaveProperty('userId');
    expect(today).not.toHaveProperty('statusHistory');
    clock.set('2027-01-01T00:00:00.000Z'); // 08:00 on 1 January in Asia/Shanghai: past validTo
    expect((await verifyCertificate(ports, 'ZF-0001')).status).toBe('expired');
  });

  it('[PUB-5] a number two agencies use asks which agency; a complaint goes to the officer’s own', async () => {
    const { ports } = world();
    await registerOfficer(ports, admin('a'), input());
    await registerOfficer(ports, admin('b'), input({ name: '王强' }));
    const ambiguous = verifyCertificate(ports, 'ZF-0001');
    await expect(ambiguous).rejects.toBeInstanceOf(Conflict);
    await expect(ambiguous).rejects.toMatchObject({
      details: expect.arrayContaining([expect.objectContaining({ message: 'b' })]),
    });
    expect((await verifyCertificate(ports, 'ZF-0001', 'b')).name).toBe('王强');
    await expect(verifyCertificate(ports, 'ZF-9999')).rejects.toBeInstanceOf(NotFound);
    const { complaint } = await fileOfficerComplaint(
      ports,
      'ZF-0001',
      'b',
      { content: '执法时未出示证件' },
      { address: '203.0.113.9', perAddressPerDay: 10 },
    );
    expect(complaint).toMatchObject({
      agencyId: 'b',
      about: { kind: 'officer', ref: 'ZF-0001' },
      aboutName: '王强',
      status: 'received',
    });
    expect((await ports.complaints.list('b', 10)).items).toHaveLength(1);
    expect((await ports.complaints.list('a', 10)).items).toHaveLength(0);
  });
});
