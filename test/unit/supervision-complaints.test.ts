import { describe, expect, it } from 'vitest';
import type { Principal } from '#shared/kernel/principal.ts';
import { canonicalReceipt, newReceipt } from '#shared/supervision/domain/complaint.ts';
import {
  answerComplaint,
  complaintByReceipt,
  fileComplaint,
  listComplaints,
} from '#shared/supervision/use-cases/complaints.ts';
import { overdueItems } from '#shared/supervision/use-cases/oversight.ts';
import { complaintRepositoryContract } from '#test/contracts/complaint-repository.ts';
import { InMemoryComplaints } from '#test/fakes/in-memory-supervision.ts';
import { AGENCY, cast, OFFICERS, refusal, unitBureau } from '#test/helpers/unit-case.ts';

// The in-memory store keeps the contract the DynamoDB one keeps (test/integration).
complaintRepositoryContract('in memory', new InMemoryComplaints());

const from = { address: '203.0.113.7', perAddressPerDay: 3 };
const aboutOfficer = {
  about: { kind: 'officer' as const, ref: OFFICERS[0] },
  agencyId: AGENCY,
  text: '三月二日上午检查时未出示执法证件，态度粗暴',
  contact: '13800000000',
};
const supervisorOf = (agencies: string[]): Principal => ({
  sub: 'supervisor-he',
  name: '何监督',
  agencyId: 'changning-sfj',
  roles: ['supervisor'],
  supervises: agencies,
});

describe('complaints that reach someone (SUP-1), without a database', () => {
  it('[SUP-1] a receipt carries 80 random bits in base32 that survive retyping', () => {
    const receipts = new Set(Array.from({ length: 2000 }, newReceipt));
    expect(receipts.size).toBe(2000);
    const receipt = [...receipts][0] ?? '';
    expect(receipt).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(canonicalReceipt(receipt.toLowerCase().replaceAll('-', ' '))).toBe(receipt);
    expect(canonicalReceipt('oooo-iiii-llll-0000')).toBe('0000-1111-1111-0000');
    expect(canonicalReceipt('ABCD-EFGH-JKMN-PQR')).toBeUndefined();
    expect(canonicalReceipt('ABCD-EFGH-JKMN-PQRU')).toBeUndefined();
  });

  it('[SUP-1] the receipt shows status, last day and answer, never the text or the contact (LAW-5)', async () => {
    const { ports, clock } = await unitBureau('2026-03-02T02:00:00.000Z');
    const filed = await fileComplaint(ports, aboutOfficer, from);
    // 《信访工作条例》第三十二条: 60 days when the agency sets no term of its own.
    expect(filed.answerBy).toBe('2026-05-01');
    expect(await complaintByReceipt(ports, filed.receipt)).toEqual({
      status: 'received',
      answerBy: '2026-05-01',
    });

    const answered = await answerComplaint(
      ports,
      cast.head,
      filed.complaint.complaintId,
      '经核实，已对该执法人员批评教育。',
    );
    expect(answered).toMatchObject({ status: 'answered', answer: { answeredBy: cast.head.sub } });
    const shown = await complaintByReceipt(ports, filed.receipt);
    expect(shown).toEqual({
      status: 'answered',
      answerBy: '2026-05-01',
      answer: '经核实，已对该执法人员批评教育。',
    });
    expect(JSON.stringify(shown)).not.toContain('13800000000');
    expect(JSON.stringify(shown)).not.toContain('态度粗暴');
    const again = await refusal(answerComplaint(ports, cast.admin, filed.complaint.complaintId, '再答一次'));
    expect(again.kind).toBe('conflict');

    clock.set('2026-05-02T02:00:00.000Z');
    expect((await complaintByReceipt(ports, filed.receipt)).status).toBe('answered');
  });

  it('[SUP-1] the agency’s own term is data: a profile with 30 days gives 30', async () => {
    const { ports } = await unitBureau('2026-03-02T02:00:00.000Z');
    const profile = await ports.agencies.get(AGENCY);
    if (!profile) throw new Error('the bureau has a profile');
    await ports.agencies.put({ ...profile, complaintAnswerDays: 30 });
    expect((await fileComplaint(ports, aboutOfficer, from)).answerBy).toBe('2026-04-01');
  });

  it('[SUP-1] what it is about must exist at that agency; one address files its day’s share only', async () => {
    const { ports } = await unitBureau('2026-03-02T02:00:00.000Z');
    const unknown = await refusal(
      fileComplaint(ports, { ...aboutOfficer, about: { kind: 'officer', ref: 'ZF-9999' } }, from),
    );
    expect(unknown.kind).toBe('not-found');
    const elsewhere = await refusal(
      fileComplaint(ports, { ...aboutOfficer, agencyId: 'other-agency' }, from),
    );
    expect(elsewhere.kind).toBe('not-found');
    const decision = await refusal(
      fileComplaint(ports, { ...aboutOfficer, about: { kind: 'decision', ref: 'no-such-decision' } }, from),
    );
    expect(decision.details).toEqual([expect.objectContaining({ path: 'about.ref' })]);
    const agency = await fileComplaint(
      ports,
      { ...aboutOfficer, about: { kind: 'agency', ref: AGENCY } },
      from,
    );
    expect(agency.complaint.aboutName).toBe('昌宁县民政局');

    for (let index = 0; index < from.perAddressPerDay - 1; index += 1)
      await fileComplaint(ports, aboutOfficer, from);
    const flood = await refusal(fileComplaint(ports, aboutOfficer, from));
    expect(flood).toMatchObject({ kind: 'too-many', code: 'COMPLAINT_LIMIT_REACHED' });
    await fileComplaint(ports, aboutOfficer, { ...from, address: '198.51.100.1' });
  });

  it('[SUP-1] [ORG-4] an overdue complaint reaches the supervisor of the agency, and no other', async () => {
    const { ports, clock } = await unitBureau('2026-03-02T02:00:00.000Z');
    const filed = await fileComplaint(ports, aboutOfficer, from);
    expect((await overdueItems(ports, AGENCY)).complaints).toEqual([]);
    clock.set('2026-05-02T02:00:00.000Z');
    expect((await overdueItems(ports, AGENCY)).complaints).toEqual([
      expect.objectContaining({ complaintId: filed.complaint.complaintId, answerBy: '2026-05-01' }),
    ]);
    const listed = await listComplaints(ports, supervisorOf([AGENCY]), { agencyId: AGENCY, limit: 10 });
    expect(listed.items).toEqual([expect.objectContaining({ status: 'overdue', text: aboutOfficer.text })]);
    const stranger = await refusal(
      listComplaints(ports, supervisorOf(['other']), { agencyId: AGENCY, limit: 10 }),
    );
    expect(stranger.kind).toBe('forbidden');
    // A supervisor answers nothing of the agency's: the answer looks in the caller's own agency.
    const foreign = await refusal(
      answerComplaint(ports, supervisorOf([AGENCY]), filed.complaint.complaintId, '越权答复'),
    );
    expect(foreign.kind).toBe('not-found');
  });
});
