import { ulid } from 'ulid';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { Conflict, DomainError, NotFound } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import { withRetry } from '#shared/kernel/use-cases/retry.ts';
import { findCertificate, type OfficerPorts } from '#shared/organisation/use-cases/officers.ts';
import type { PublicationRepository } from '#shared/publicity/store/publication-repository.ts';
import {
  answerByOf,
  type Complaint,
  type ComplaintInput,
  complaintStatus,
  newReceipt,
  type OfficerComplaintInput,
} from '#shared/supervision/domain/complaint.ts';
import { complaintCounts } from '#shared/supervision/domain/supervision-report.ts';
import type { ComplaintRepository } from '#shared/supervision/store/complaint-repository.ts';
import { overseen } from '#shared/supervision/use-cases/oversight.ts';

export interface ComplaintPorts extends Pick<OfficerPorts, 'officers' | 'agencies' | 'now'> {
  complaints: Port<ComplaintRepository>;
  publications: Pick<Port<PublicationRepository>, 'getPublicRecord'>;
}

/** Where a complaint comes from and how many a day one address may file (SUP-1 anti-abuse). */
export interface ComplaintSource {
  address: string;
  perAddressPerDay: number;
}

/** Too many: the address has filed its day's complaints (SUP-1). */
export class ComplaintLimitReached extends DomainError {
  constructor() {
    super('too-many', 'COMPLAINT_LIMIT_REACHED', '今日从本网络提交的投诉已达上限，请明日再试或当面投诉');
  }
}

const aboutMissing = (message: string) => new NotFound(message, [{ path: 'about.ref', message }]);

/** What the complaint is about, checked to exist at that agency, and its name as people read it. */
async function aboutName(ports: ComplaintPorts, input: ComplaintInput): Promise<string> {
  const { kind, ref } = input.about;
  if (kind === 'officer') return (await findCertificate(ports, ref, input.agencyId)).name;
  if (kind === 'decision') {
    const record = (await ports.publications.getPublicRecord(ref)) as
      | { agencyId: string; documentNo?: string; categoryName: string; decidedOn: string }
      | undefined;
    if (record?.agencyId !== input.agencyId) throw aboutMissing('该执法机关没有公示这项决定');
    return record.documentNo ?? `${record.decidedOn} ${record.categoryName}决定`;
  }
  if (kind === 'agency') {
    const profile = ref === input.agencyId ? await ports.agencies.get(ref) : undefined;
    if (!profile) throw aboutMissing('执法机关不存在');
    return profile.name;
  }
  // Inspections are not recorded yet (the inspection issue): the reference is kept as typed.
  return ref;
}

/**
 * Files a complaint (SUP-1): checked, counted against the address's day, kept with a receipt the
 * complainant alone holds and the last day of the agency's answer term.
 */
export async function fileComplaint(
  ports: ComplaintPorts,
  input: ComplaintInput,
  source: ComplaintSource,
): Promise<{ receipt: string; answerBy: string; complaint: Complaint }> {
  const name = await aboutName(ports, input);
  const now = ports.now();
  if (!(await ports.complaints.countFromAddress(source.address, legalDateOf(now), source.perAddressPerDay)))
    throw new ComplaintLimitReached();
  const profile = await ports.agencies.get(input.agencyId);
  const complaint: Complaint = {
    complaintId: ulid(),
    agencyId: input.agencyId,
    about: input.about,
    aboutName: name,
    text: input.text,
    ...(input.contact ? { contact: input.contact } : {}),
    receivedAt: now.toISOString(),
    answerBy: answerByOf(now, profile?.complaintAnswerDays),
    status: 'received',
    version: 1,
  };
  const receipt = newReceipt();
  const counted = complaintCounts(undefined, complaint, profile?.supervisedBy ?? []);
  await withRetry(() => ports.complaints.create(complaint, receipt, counted));
  return { receipt, answerBy: complaint.answerBy, complaint };
}

/** The certificate page's older form (PUB-5): a complaint about that officer, into the same list. */
export async function fileOfficerComplaint(
  ports: ComplaintPorts,
  certificateNo: string,
  agencyId: string | undefined,
  input: OfficerComplaintInput,
  source: ComplaintSource,
) {
  const officer = await findCertificate(ports, certificateNo, agencyId);
  return fileComplaint(
    ports,
    {
      about: { kind: 'officer', ref: officer.certificateNo },
      agencyId: officer.agencyId,
      text: input.content,
      ...(input.contact ? { contact: input.contact } : {}),
    },
    source,
  );
}

/** What the receipt shows (SUP-1, LAW-5): the status, the last day and the answer; nothing the complainant wrote. */
export async function complaintByReceipt(ports: ComplaintPorts, receipt: string) {
  const complaint = await ports.complaints.byReceipt(receipt);
  if (!complaint)
    throw new NotFound('未找到该受理编号的投诉', [{ path: 'receipt', message: '受理编号不存在' }]);
  return {
    status: complaintStatus(complaint, ports.now()),
    answerBy: complaint.answerBy,
    ...(complaint.answer ? { answer: complaint.answer.text } : {}),
  };
}

/** A complaint as staff read it: all of it, with the status of today. */
const staffView = (complaint: Complaint, now: Date) => ({
  ...complaint,
  status: complaintStatus(complaint, now),
});

/** A page of an agency's complaints, newest first: the caller's own, or an agency a supervisor oversees. */
export async function listComplaints(
  ports: ComplaintPorts,
  principal: Principal,
  requested: { agencyId?: string | undefined; limit: number; cursor?: string | undefined },
) {
  const agencyId = overseen(principal, requested.agencyId);
  const page = await ports.complaints.list(agencyId, requested.limit, requested.cursor);
  const now = ports.now();
  return { ...page, items: page.items.map((complaint) => staffView(complaint, now)) };
}

/** The agency answers a complaint once (SUP-1); the complainant reads the answer with the receipt. */
export async function answerComplaint(
  ports: ComplaintPorts,
  principal: Principal,
  complaintId: string,
  answer: string,
) {
  // Read afresh and tried again when another change met it (the counter item of its supervisors).
  return withRetry(async () => {
    const complaint = await ports.complaints.get(principal.agencyId, complaintId);
    if (!complaint) throw new NotFound('投诉不存在', [{ path: 'id', message: complaintId }]);
    if (complaint.status === 'answered')
      throw new Conflict('该投诉已答复', [{ path: 'id', message: '已答复' }]);
    const now = ports.now();
    const answered: Complaint = {
      ...complaint,
      status: 'answered',
      answer: {
        text: answer,
        answeredAt: now.toISOString(),
        answeredBy: principal.sub,
        answeredByName: principal.name,
      },
      version: complaint.version + 1,
    };
    // Its supervisors' years count the answer, on time or late (SUP-6).
    const profile = await ports.agencies.get(principal.agencyId);
    await ports.complaints.update(
      answered,
      complaint.version,
      complaintCounts(complaint, answered, profile?.supervisedBy ?? []),
    );
    return staffView(answered, now);
  });
}
