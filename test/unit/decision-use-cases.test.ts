import { describe, expect, it } from 'vitest';
import { createDraft, publishChecklist } from '#shared/checklists/use-cases/checklists.ts';
import { issueDecision } from '#shared/decisions/use-cases/issue-decision.ts';
import { revokeDecision } from '#shared/decisions/use-cases/revoke-decision.ts';
import { addCalendarDays, legalDateOf } from '#shared/kernel/dates.ts';
import { type DomainError, RuleViolation } from '#shared/kernel/errors.ts';
import { deadline } from '#shared/kernel/use-cases/calendar.ts';
import { submitReview } from '#shared/legal-review/use-cases/submit-review.ts';
import type { Proposal } from '#shared/recording/domain/proposal.ts';
import { readCase } from '#shared/recording/use-cases/case-access.ts';
import { addActivity } from '#shared/recording/use-cases/case-activities.ts';
import { createDocument } from '#shared/recording/use-cases/case-documents.ts';
import { caseJournal } from '#shared/recording/use-cases/case-journal.ts';
import { registerCase } from '#shared/recording/use-cases/register-case.ts';
import { transitionCase } from '#shared/recording/use-cases/transition-case.ts';
import { matters } from '#test/fixtures/checklists.ts';
import {
  AGENCY,
  approvedReview,
  cast,
  MAJOR_FINE,
  OFFICERS,
  readyForDecision,
  refusal,
  SMALL_FINE,
  tick,
  UNIT,
  unitBureau,
} from '#test/helpers/unit-case.ts';

const paths = (error: DomainError) => error.details.map((detail) => detail.path);

/** Tuesday 29 September 2026, 10:00 in Beijing: the National Day holiday (1-7 October) lies ahead. */
const BEFORE_NATIONAL_DAY = '2026-09-29T02:00:00.000Z';

describe('issuing a decision, without a database', () => {
  it('[LAW-10] without the prior notice no penalty is decided: one detail per step missing, nothing written', async () => {
    const world = await unitBureau();
    const { caseId } = await readyForDecision(world, { omit: ['prior-notice'] });
    const refused = await refusal(issueDecision(world.ports, cast.handler, caseId, SMALL_FINE));
    expect(refused).toBeInstanceOf(RuleViolation);
    expect(refused.code).toBe('PROCEDURE_INCOMPLETE');
    // The statement on file came before any notice was served: it does not answer a notice.
    expect(paths(refused)).toEqual(['steps.penalty-prior-notice', 'steps.statement']);
    const record = await readCase(world.ports, cast.handler, caseId);
    expect(record.status).toBe('pending-decision');
    expect(record.decision).toBeUndefined();
    expect(await world.ports.publications.list(AGENCY)).toEqual([]);
    expect(world.scheduled).toEqual([]);
  });

  it('[LAW-10] a notice not served is no notice: the refusal names the notice that lacks its receipt', async () => {
    const world = await unitBureau();
    const { caseId, documents } = await readyForDecision(world, { omit: ['service'] });
    const refused = await refusal(issueDecision(world.ports, cast.handler, caseId, SMALL_FINE));
    expect(refused.code).toBe('PROCEDURE_INCOMPLETE');
    const notice = refused.details.find((detail) => detail.path === 'steps.penalty-prior-notice');
    expect(notice?.message).toContain(documents['prior-notice']?.number);
  });

  it('[LAW-10] a penalty heavier than the one notified needs a new notice', async () => {
    const world = await unitBureau();
    const notified = SMALL_FINE.penalty?.amount ?? 0;
    const { caseId } = await readyForDecision(world, { notifiedPenalty: { kind: 'fine', amount: notified } });
    const heavier: Proposal = { ...SMALL_FINE, penalty: { kind: 'fine', amount: notified + 1000 } };
    const refused = await refusal(issueDecision(world.ports, cast.handler, caseId, heavier));
    expect(refused.code).toBe('PROCEDURE_INCOMPLETE');
    expect(paths(refused)).toEqual(['steps.penalty-prior-notice']);
    const issued = await issueDecision(world.ports, cast.handler, caseId, SMALL_FINE);
    expect(issued.decisionId).toBeTruthy();
  });

  it('[LAW-10] a penalty that entitles to a hearing waits out the request period unless it is waived', async () => {
    const world = await unitBureau();
    // An organisation fined ¥60,000: over the ¥50,000 hearing threshold, under the catalog's ¥100,000.
    const organisation = {
      kind: 'organization' as const,
      name: '昌宁县某养老服务有限公司',
      idNumber: '91530524MA6N1234XA',
    };
    const fine: Proposal = { ...SMALL_FINE, penalty: { kind: 'fine', amount: 60_000 } };
    const { caseId, documents } = await readyForDecision(world, {
      party: organisation,
      omit: ['hearing-waiver'],
    });
    const refused = await refusal(issueDecision(world.ports, cast.handler, caseId, fine));
    expect(refused.code).toBe('PROCEDURE_INCOMPLETE');
    expect(paths(refused)).toEqual(['steps.hearing-period']);
    // Five working days from the day the notice was served; the day after the period, it may be decided.
    const servedOn = legalDateOf(new Date(String(documents.service?.fields.servedAt)));
    const { dueBy: periodEnd } = await deadline(world.ports, servedOn, 5);
    expect(refused.details[0]?.message).toContain(periodEnd);
    world.clock.set(`${periodEnd}T02:00:00.000Z`);
    await expect(issueDecision(world.ports, cast.handler, caseId, fine)).rejects.toMatchObject({
      code: 'PROCEDURE_INCOMPLETE',
    });
    world.clock.set(`${addCalendarDays(periodEnd, 1)}T02:00:00.000Z`);
    expect((await issueDecision(world.ports, cast.handler, caseId, fine)).decisionId).toBeTruthy();
  });

  it('[REV-2] [LAW-3] a major decision without an approved review is refused, and its proposal is kept for the review', async () => {
    const world = await unitBureau();
    const { caseId, documents } = await readyForDecision(world);
    const refused = await refusal(issueDecision(world.ports, cast.handler, caseId, MAJOR_FINE));
    expect(refused.code).toBe('REVIEW_REQUIRED');
    // The county catalog's R01: a fine of ¥10,000 or more on a person.
    expect(refused.details).toEqual([{ path: 'review', message: expect.stringMatching(/^R01：/) }]);
    const record = await readCase(world.ports, cast.handler, caseId);
    expect(record.proposal).toEqual(MAJOR_FINE);
    expect(record.status).toBe('pending-decision');
    // Refused twice for the same proposal: journaled once.
    await expect(issueDecision(world.ports, cast.handler, caseId, MAJOR_FINE)).rejects.toMatchObject({
      code: 'REVIEW_REQUIRED',
    });
    const journal = await caseJournal(world.ports, cast.handler, caseId);
    expect(journal.filter((entry) => entry.type === 'decision.review-required')).toHaveLength(1);
    // A review submitted without a proposal reviews the one refused.
    const review = await submitReview(world.ports, cast.handler, caseId, {
      materials: [documents['prior-notice']?.id ?? ''],
    });
    expect(review.proposal).toEqual(MAJOR_FINE);
    expect(review.matchedRules.map((rule) => rule.code)).toEqual(['R01']);
  });

  it('[LAW-12] an approval of a different proposal does not let this one be issued', async () => {
    const world = await unitBureau();
    const { caseId, documents } = await readyForDecision(world);
    await approvedReview(world, caseId, [documents['prior-notice'] ?? never()]);
    const amount = (MAJOR_FINE.penalty?.amount ?? 0) + 5_000;
    const other: Proposal = { ...MAJOR_FINE, penalty: { kind: 'fine', amount } };
    const refused = await refusal(issueDecision(world.ports, cast.handler, caseId, other));
    expect(refused.code).toBe('REVIEW_REQUIRED');
    expect(paths(refused)).toContain('penalty.amount');
    expect(paths(refused)).not.toContain('legalBasis');
    // The summary's wording is not what the review binds: the approved proposal, reworded, is issued.
    const reworded = { ...MAJOR_FINE, summary: `${MAJOR_FINE.summary}（经复核）` };
    const issued = await issueDecision(world.ports, cast.handler, caseId, reworded);
    expect((await readCase(world.ports, cast.handler, caseId)).decision?.id).toBe(issued.decisionId);
  });

  it('[LAW-12] [PUB-11] an approval serves one decision: after a change, the new decision needs its own review and replaces the publication', async () => {
    const world = await unitBureau();
    const { ports } = world;
    const { caseId, documents } = await readyForDecision(world);
    const approval = await approvedReview(world, caseId, [documents['prior-notice'] ?? never()]);
    tick(world);
    const first = await issueDecision(ports, cast.handler, caseId, MAJOR_FINE);
    expect((await ports.reviews.get(AGENCY, approval.id))?.usedByDecision).toBe(first.decisionId);
    await expect(issueDecision(ports, cast.handler, caseId, MAJOR_FINE)).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    tick(world);
    await revokeDecision(ports, cast.handler, caseId, {
      kind: 'changed',
      reason: '经行政复议，决定变更罚款数额。',
      effectiveOn: legalDateOf(ports.now()),
    });
    await transitionCase(ports, cast.handler, caseId, { to: 'pending-decision' });
    // The decision made again is notified, served and answered again (LAW-10).
    const record = (type: string, title: string, fields: Record<string, unknown>) => {
      tick(world);
      return createDocument(ports, cast.handler, caseId, { type, title, fields });
    };
    const notice = await record('penalty-prior-notice', '行政处罚事先告知书（重新告知）', {
      facts: '当事人未建立入院评估制度。',
      legalBasis: MAJOR_FINE.legalBasis,
      proposedPenalty: '罚款',
      rights: '陈述、申辩、听证',
      penalty: MAJOR_FINE.penalty,
    });
    await record('service-receipt', '送达回证', {
      documentNumber: notice.number,
      servedAt: notice.createdAt,
      recipient: '当事人',
      method: 'mail',
      trackingNumber: 'EMS1234567890CN',
    });
    await record('statement-record', '陈述申辩笔录', { statement: '无新的陈述。' });
    await record('hearing-waiver', '放弃听证声明', { statement: '放弃听证。' });
    // The first approval was used: the same proposal needs a review again.
    const again = await refusal(issueDecision(ports, cast.handler, caseId, MAJOR_FINE));
    expect(again.code).toBe('REVIEW_REQUIRED');
    const second = await approvedReview(world, caseId, [notice], MAJOR_FINE, cast.secondReviewer);
    tick(world);
    const reissued = await issueDecision(ports, cast.handler, caseId, MAJOR_FINE);
    expect((await ports.reviews.get(AGENCY, second.id))?.usedByDecision).toBe(reissued.decisionId);
    const replacing = await ports.publications.get(AGENCY, reissued.publication.id);
    expect(replacing?.replaces).toBe(first.publication.id);
    expect((await ports.publications.get(AGENCY, first.publication.id))?.replacedBy).toBe(
      reissued.publication.id,
    );
    const decided = await readCase(ports, cast.handler, caseId);
    expect(decided.previousDecisions?.map((decision) => decision.id)).toEqual([first.decisionId]);
  });

  it('[PUB-9] a penalty decision is due for publication 7 working days after it, across the National Day holiday, scheduled and journaled', async () => {
    const world = await unitBureau(BEFORE_NATIONAL_DAY);
    const { caseId } = await readyForDecision(world);
    const issued = await issueDecision(world.ports, cast.handler, caseId, SMALL_FINE);
    const decidedOn = legalDateOf(world.clock.now());
    expect(decidedOn).toBe('2026-09-29');
    // 30 Sept (1); 1-7 Oct holiday; 8, 9 Oct (3); Saturday 10 Oct an adjusted working day (4); 12-14 Oct (7).
    const expected = await deadline(world.ports, decidedOn, 7);
    expect(expected.dueBy).toBe('2026-10-14');
    expect(issued.publication).toEqual({
      id: expect.any(String),
      dueBy: expected.dueBy,
      status: 'scheduled',
    });
    const publication = await world.ports.publications.get(AGENCY, issued.publication.id);
    expect(publication).toMatchObject({
      caseId,
      decisionId: issued.decisionId,
      decidedOn,
      workingDays: 7,
      dueBy: expected.dueBy,
      calendarVersions: expected.calendarVersions,
      // A ¥5,000 fine stays 3 months on the public list (LAW-6).
      periodMonths: 3,
    });
    expect(world.scheduled).toEqual([{ id: issued.publication.id, dueBy: expected.dueBy }]);
    const record = await readCase(world.ports, cast.handler, caseId);
    expect(record.status).toBe('decided');
    expect(record.decision).toMatchObject({ id: issued.decisionId, publicationId: issued.publication.id });
    const last = (await caseJournal(world.ports, cast.handler, caseId)).at(-1);
    expect(last).toMatchObject({
      type: 'decision.issued',
      actor: cast.handler.sub,
      data: {
        decisionId: issued.decisionId,
        publicationId: issued.publication.id,
        publicationDueBy: expected.dueBy,
      },
    });
  });

  it('[PUB-9] an inspection result is due 20 working days after it', async () => {
    const world = await unitBureau(BEFORE_NATIONAL_DAY);
    const { ports } = world;
    const list = await createDraft(ports, cast.admin, {
      kind: 'matters',
      title: '执法事项清单',
      items: matters,
    });
    await publishChecklist(ports, cast.secondAdmin, list.id);
    const inspection = await registerCase(ports, cast.handler, {
      category: 'inspection',
      title: '某养老机构监督检查',
      matterId: 'MZ-JC-001',
      party: { kind: 'organization', name: '昌宁县某养老院', idNumber: '52530524MJ0000123R' },
      officers: OFFICERS,
      unitId: UNIT,
    });
    await transitionCase(ports, cast.handler, inspection.id, { to: 'investigating' });
    const at = ports.now().toISOString();
    await addActivity(ports, cast.handler, inspection.id, { type: 'interview', officers: OFFICERS });
    await createDocument(ports, cast.handler, inspection.id, {
      type: 'interview-record',
      title: '询问笔录',
      fields: {
        interviewee: '院长',
        place: '某养老院',
        startedAt: at,
        endedAt: at,
        questionsAndAnswers: [{ question: '是否建立评估制度？', answer: '已建立。' }],
      },
    });
    await transitionCase(ports, cast.handler, inspection.id, { to: 'pending-decision' });
    const issued = await issueDecision(ports, cast.handler, inspection.id, {
      type: 'inspection-result',
      summary: '检查未发现问题。',
      legalBasis: '《养老机构管理办法》第四十条',
    });
    // From 29 Sept: 30 Sept, 8-10 Oct, then four full weeks and 2 Nov make 20 working days.
    const expected = await deadline(ports, '2026-09-29', 20);
    expect(expected.dueBy).toBe('2026-11-02');
    expect(issued.publication.dueBy).toBe(expected.dueBy);
    expect((await ports.publications.get(AGENCY, issued.publication.id))?.workingDays).toBe(20);
  });

  it('[LAW-8] a due date that reaches a year without a loaded calendar is held, never guessed', async () => {
    // 28 December 2026: seven working days reach into 2027, which the bundled calendar does not hold.
    const world = await unitBureau('2026-12-28T02:00:00.000Z');
    const { caseId } = await readyForDecision(world);
    const issued = await issueDecision(world.ports, cast.handler, caseId, SMALL_FINE);
    expect(issued.publication).toMatchObject({ dueBy: null, status: 'deadline-unconfirmed' });
    expect(world.scheduled).toEqual([{ id: issued.publication.id, dueBy: null }]);
  });

  it('[LAW-11] a complex case is decided only after the heads’ collective discussion is on file', async () => {
    const world = await unitBureau();
    const { caseId, documents } = await readyForDecision(world, {
      flags: { complex: true },
      omit: ['collective-discussion'],
    });
    // Complex: a statutory review trigger too (LAW-3), so the review comes first.
    const unreviewed = await refusal(issueDecision(world.ports, cast.handler, caseId, SMALL_FINE));
    expect(unreviewed.code).toBe('REVIEW_REQUIRED');
    expect(paths(unreviewed)).toEqual(['review']);
    expect(unreviewed.details[0]?.message).toMatch(/^LAW-COMPLEX：/);
    await approvedReview(world, caseId, [documents['prior-notice'] ?? never()], SMALL_FINE);
    const refused = await refusal(issueDecision(world.ports, cast.handler, caseId, SMALL_FINE));
    expect(refused.code).toBe('PROCEDURE_INCOMPLETE');
    expect(paths(refused)).toEqual(['steps.collective-discussion']);
  });

  it('[LAW-12] the reviewer who approved cannot issue the decision, nor can anyone outside the case', async () => {
    const world = await unitBureau();
    const { caseId, documents } = await readyForDecision(world);
    await approvedReview(world, caseId, [documents['prior-notice'] ?? never()]);
    await expect(issueDecision(world.ports, cast.reviewer, caseId, MAJOR_FINE)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await readCase(world.ports, cast.handler, caseId)).decision).toBeUndefined();
  });
});

function never(): never {
  throw new Error('the walk left out a document the test needs');
}
