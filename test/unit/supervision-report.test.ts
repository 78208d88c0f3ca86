import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { NotFound } from '#shared/kernel/errors.ts';
import { GENESIS_HASH, nextEntry } from '#shared/kernel/journal.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import { withRetry } from '#shared/kernel/use-cases/retry.ts';
import type { CaseRecord } from '#shared/recording/domain/case.ts';
import { DEFAULT_RUBRIC } from '#shared/supervision/domain/evaluation.ts';
import { MatterInput, OpinionInput } from '#shared/supervision/domain/matter.ts';
import { ComplaintRepository } from '#shared/supervision/store/complaint-repository.ts';
import { answerComplaint, fileComplaint } from '#shared/supervision/use-cases/complaints.ts';
import { drawEvaluation, scoreFile } from '#shared/supervision/use-cases/evaluations.ts';
import { openMatter } from '#shared/supervision/use-cases/open-matter.ts';
import {
  answerRectification,
  issueOpinion,
  reportRectification,
} from '#shared/supervision/use-cases/supervision-opinions.ts';
import {
  publishSupervisionReports,
  supervisionReportView,
} from '#shared/supervision/use-cases/supervision-report.ts';
import { supervisionYearRepositoryContract } from '#test/contracts/supervision-year-repository.ts';
import { inMemoryWorld } from '#test/fakes/in-memory-ports.ts';
import { InMemoryComplaints, InMemorySupervisionYears } from '#test/fakes/in-memory-supervision.ts';

// The in-memory stores keep the contract the DynamoDB ones keep (test/integration).
const years = new InMemorySupervisionYears();
supervisionYearRepositoryContract('in memory', { years, complaints: new InMemoryComplaints(years) });

const BODY = 'changning-sfj';
const OTHER_BODY = 'ningxi-sfj';
const AGENCY = 'changning-mzj';
const OTHER = 'changning-scj';
const body: Principal = {
  sub: 'sfj-he',
  name: '何监督',
  agencyId: BODY,
  roles: ['supervisor'],
  supervises: [AGENCY, OTHER],
};
const leader: Principal = { sub: 'mzj-li', name: '李局长', agencyId: AGENCY, roles: ['leader'] };
const otherAdmin: Principal = { sub: 'scj-admin', name: '王管理', agencyId: OTHER, roles: ['admin'] };
const address = { address: '203.0.113.7', perAddressPerDay: 100 };

function closedCase(closedOn: string): CaseRecord {
  const at = '2026-01-05T02:00:00.000Z';
  return {
    id: ulid(),
    agencyId: AGENCY,
    category: 'penalty',
    title: `案件 ${closedOn}`,
    party: { kind: 'person', name: '杨某某', idNumber: '530524197805061235' },
    officers: ['ZF-0001'],
    handlers: ['officer'],
    flags: {},
    status: 'closed',
    closedOn,
    createdAt: at,
    createdBy: 'officer',
    updatedAt: at,
    version: 1,
    journalSeq: 1,
    journalHead: GENESIS_HASH,
  };
}

/**
 * 昌宁县司法局 supervises 昌宁县民政局 (and 昌宁县市场监督管理局, which 宁西县司法局 also
 * supervises); the 民政局 has three files closed in February.
 */
async function world() {
  const built = inMemoryWorld('2026-03-02T02:00:00.000Z');
  const { ports } = built;
  const profile = (agencyId: string, name: string, supervisedBy?: string[]) =>
    ports.agencies.create({
      agencyId,
      name,
      region: '昌宁县',
      ...(agencyId === BODY ? { documentPrefix: '昌司' } : {}),
      ...(supervisedBy ? { supervisedBy } : {}),
      units: [],
      updatedAt: '2026-01-01T00:00:00.000Z',
      updatedBy: 'platform-admin',
    });
  await profile(BODY, '昌宁县司法局');
  await profile(AGENCY, '昌宁县民政局', [BODY]);
  await profile(OTHER, '昌宁县市场监督管理局', [BODY, OTHER_BODY]);
  for (const record of ['2026-02-10', '2026-02-11', '2026-02-12'].map(closedCase)) {
    const entry = nextEntry(
      { seq: 0, hash: GENESIS_HASH },
      { at: record.createdAt, actor: 'officer', type: 'case.registered', data: {} },
    );
    await ports.cases.create({ ...record, journalSeq: entry.seq, journalHead: entry.hash }, entry);
  }
  return built;
}

const matter = (source: string, extra: Record<string, unknown> = {}) =>
  MatterInput.parse({
    agencyId: AGENCY,
    source,
    subject: { practice: '有案不立' },
    facts: '群众反映多次举报未予立案',
    ...extra,
  });
const opinion = (kind: string, rectifyBy: string) =>
  OpinionInput.parse({ kind, ruleBroken: '违反《行政处罚法》第五十四条', rectifyBy });
const complaint = (agencyId: string, text: string) => ({
  about: { kind: 'agency' as const, ref: agencyId },
  agencyId,
  text,
  contact: '13800000000',
});

describe('the yearly supervision report (SUP-6), without a database', () => {
  it('[SUP-6] every figure of the year comes from the counters the changes kept, published on 2 January', async () => {
    const { ports, clock } = await world();
    // Complaints: two about the 民政局, one about the 市场监管局, answered on time, late and not at all.
    const early = await fileComplaint(ports, complaint(AGENCY, '有案不立，三次举报均无回音'), address);
    const late = await fileComplaint(ports, complaint(AGENCY, '窗口人员推诿扯皮'), address);
    await fileComplaint(ports, complaint(OTHER, '检查时未出示证件'), address);
    await answerComplaint(ports, leader, early.complaint.complaintId, '已核实并整改，答复如下');
    // Matters from three sources; an opinion rectified late after one return, and a recommendation never rectified.
    const hotline = await openMatter(ports, body, matter('hotline', { sourceRef: '12345-0042' }));
    const own = await openMatter(ports, body, matter('own-finding'));
    await openMatter(
      ports,
      body,
      matter('complaint', { sourceRef: late.complaint.complaintId, subject: { practice: '推诿扯皮' } }),
    );
    const issued = await issueOpinion(ports, body, hotline.matterId, opinion('opinion', '2026-03-20'));
    const opinionId = issued.opinions[0]?.opinionId ?? '';
    await issueOpinion(ports, body, own.matterId, opinion('recommendation', '2026-04-30'));
    await reportRectification(ports, leader, opinionId, { report: '已对三件举报补办立案' });
    await answerRectification(ports, body, opinionId, { accepted: false, note: '缺少立案审批表' });
    clock.set('2026-03-25T02:00:00.000Z');
    await reportRectification(ports, leader, opinionId, { report: '已补齐立案审批表' });
    await answerRectification(ports, body, opinionId, { accepted: true, note: '整改到位' });
    // An evaluation of the February files: one fails and opens a matter of its own.
    const drawn = await drawEvaluation(ports, body, {
      agencyId: AGENCY,
      from: '2026-02-01',
      to: '2026-02-28',
      sampleSize: 2,
      rubricId: DEFAULT_RUBRIC.rubricId,
      seed: 'report-seed',
    });
    const [passing, failing] = drawn.files.map((file) => file.caseId) as [string, string];
    const items = (points: number) =>
      DEFAULT_RUBRIC.items.map((item) => ({ itemId: item.itemId, points: Math.min(points, item.maxPoints) }));
    await scoreFile(ports, body, drawn.id, passing, { items: items(100) });
    await scoreFile(ports, body, drawn.id, failing, { items: items(5) });
    // The late complaint is answered after its 60 days.
    clock.set('2026-06-01T02:00:00.000Z');
    await answerComplaint(ports, leader, late.complaint.complaintId, '经核实，已责令窗口整改');

    await expect(supervisionReportView(ports, BODY, 2026)).rejects.toBeInstanceOf(NotFound);
    clock.set('2027-01-01T02:00:00.000Z');
    expect((await publishSupervisionReports(ports)).published).toEqual([]);
    clock.set('2027-01-02T02:00:00.000Z');
    const run = await publishSupervisionReports(ports);
    expect(run.published.sort()).toEqual([BODY, OTHER_BODY].sort());
    const report = await supervisionReportView(ports, BODY, 2026);
    expect(report).toMatchObject({
      bodyId: BODY,
      bodyName: '昌宁县司法局',
      year: 2026,
      status: 'published',
      publishedAt: '2027-01-02T02:00:00.000Z',
      matters: {
        opened: 4,
        closed: 1,
        openedBySource: {
          complaint: 1,
          hotline: 1,
          evaluation: 1,
          'own-finding': 1,
          alert: 0,
          statistics: 0,
        },
        closedBySource: { hotline: 1, complaint: 0, evaluation: 0, 'own-finding': 0 },
      },
      opinions: { opinion: 1, recommendation: 1, total: 2 },
      rectifications: {
        reportedOnTime: 1,
        reportedLate: 1,
        accepted: 1,
        returned: 1,
        overdue: 1,
        overdueDocuments: [{ agencyId: AGENCY, number: '昌司监建〔2026〕1号', rectifyBy: '2026-04-30' }],
      },
      complaints: { received: 3, answeredOnTime: 1, answeredLate: 1 },
      evaluations: {
        evaluations: 1,
        filesDrawn: 2,
        filesScored: 2,
        filesFailed: 1,
        ranking: [{ rank: 1, agencyId: AGENCY, agencyName: '昌宁县民政局' }],
      },
    });
    expect(report.agencies).toEqual([
      {
        agencyId: AGENCY,
        agencyName: '昌宁县民政局',
        mattersOpened: 4,
        mattersClosed: 1,
        opinionsIssued: 2,
        rectificationsReported: 2,
        rectificationsOverdue: 1,
        complaintsReceived: 2,
        complaintsAnsweredOnTime: 1,
        complaintsAnsweredLate: 1,
        evaluationsDrawn: 1,
      },
      {
        agencyId: OTHER,
        agencyName: '昌宁县市场监督管理局',
        mattersOpened: 0,
        mattersClosed: 0,
        opinionsIssued: 0,
        rectificationsReported: 0,
        rectificationsOverdue: 0,
        complaintsReceived: 1,
        complaintsAnsweredOnTime: 0,
        complaintsAnsweredLate: 0,
        evaluationsDrawn: 0,
      },
    ]);
    // The other body that supervises the 市场监管局 counts its complaint, and nothing of 昌宁's matters.
    const other = await supervisionReportView(ports, OTHER_BODY, 2026);
    expect(other.complaints).toEqual({ received: 1, answeredOnTime: 0, answeredLate: 0 });
    expect(other.matters.opened).toBe(0);
    // Nothing personal: no complainant's contact or text, no party, no officer's name.
    const text = JSON.stringify(report);
    for (const personal of ['13800000000', '有案不立，三次举报', '杨某某', '何监督', '李局长'])
      expect(text).not.toContain(personal);
  });

  it('[SUP-6] a published report is fixed: later changes count in their own year, a second run publishes nothing', async () => {
    const { ports, clock } = await world();
    await openMatter(ports, body, matter('statistics'));
    clock.set('2027-01-02T02:00:00.000Z');
    await publishSupervisionReports(ports);
    await openMatter(ports, body, matter('alert'));
    await fileComplaint(ports, complaint(OTHER, '检查时未出示证件'), address);
    await answerComplaint(
      ports,
      otherAdmin,
      (await ports.complaints.list(OTHER, 1)).items[0]?.complaintId ?? '',
      '已答复',
    );
    expect((await publishSupervisionReports(ports)).published).toEqual([]);
    const report = await supervisionReportView(ports, BODY, 2026);
    expect(report.matters).toMatchObject({ opened: 1, openedBySource: { statistics: 1, alert: 0 } });
    expect(report.complaints.received).toBe(0);
    expect(await ports.supervisionYears.counters(BODY, 2027)).toEqual([
      { agencyId: AGENCY, counts: { 'opened.alert': 1 } },
      { agencyId: OTHER, counts: { 'complaints.received': 1, 'complaints.answeredOnTime': 1 } },
    ]);
  });

  it('[SUP-6] a complaint whose count met another change on the shared counter item (TransactionConflict) is filed on the retry', async () => {
    const db = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'cn-north-1' }));
    const mock = mockClient(db);
    const conflict = new TransactionCanceledException({
      message: 'Transaction cancelled',
      $metadata: {},
      CancellationReasons: [{ Code: 'None' }, { Code: 'None' }, { Code: 'TransactionConflict' }],
    });
    mock.on(TransactWriteCommand).rejectsOnce(conflict).resolves({});
    const repository = new ComplaintRepository(db, 'main');
    const filed = {
      complaintId: ulid(),
      agencyId: AGENCY,
      about: { kind: 'agency' as const, ref: AGENCY },
      aboutName: '昌宁县民政局',
      text: '窗口人员推诿扯皮',
      receivedAt: '2026-03-02T02:00:00.000Z',
      answerBy: '2026-05-01',
      status: 'received' as const,
      version: 1,
    };
    const counted = [{ bodyId: BODY, agencyId: AGENCY, year: 2026, counts: { 'complaints.received': 1 } }];
    let attempts = 0;
    await withRetry(async () => {
      attempts += 1;
      await repository.create(filed, 'RECEIPT', counted);
    });
    expect(attempts).toBe(2);
    const items = mock.commandCalls(TransactWriteCommand)[1]?.args[0].input.TransactItems ?? [];
    expect(items[2]?.Update?.Key).toEqual({ pk: `SUPERVISION_YEAR#${BODY}`, sk: `2026#${AGENCY}` });
  });
});
