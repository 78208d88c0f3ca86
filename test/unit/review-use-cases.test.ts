import { describe, expect, it } from 'vitest';
import { issueDecision } from '#shared/decisions/use-cases/issue-decision.ts';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { Forbidden, ValidationFailed } from '#shared/kernel/errors.ts';
import { deadline } from '#shared/kernel/use-cases/calendar.ts';
import { OpinionInput, REVIEW_STANDARDS } from '#shared/legal-review/domain/review.ts';
import { flagOverdueReviews } from '#shared/legal-review/use-cases/review-deadlines.ts';
import {
  dispute,
  extendReview,
  giveOpinion,
  resubmit,
  ruleOnDispute,
} from '#shared/legal-review/use-cases/review-rounds.ts';
import { recordReviewer } from '#shared/legal-review/use-cases/reviewers.ts';
import { submitReview } from '#shared/legal-review/use-cases/submit-review.ts';
import { createDocument } from '#shared/recording/use-cases/case-documents.ts';
import { caseJournal } from '#shared/recording/use-cases/case-journal.ts';
import {
  AGENCY,
  APPROVAL,
  cast,
  findings,
  MAJOR_FINE,
  person,
  readyForDecision,
  refusal,
  tick,
  type UnitWorld,
  unitBureau,
} from '#test/helpers/unit-case.ts';

const PROBLEMS: OpinionInput = {
  findings: findings({ 'facts-and-evidence': '现场检查笔录未记载检查时在场人员，证据不足。' }),
  conclusion: 'problems',
  opinion: '事实认定的证据不足，请补充后重新送审。',
};

/** A case ready for decision with its major proposal submitted for review by the handler. */
async function submitted(world: UnitWorld) {
  const walked = await readyForDecision(world);
  const notice = walked.documents['prior-notice'];
  if (!notice) throw new Error('the walk made no prior notice');
  tick(world);
  const review = await submitReview(world.ports, cast.handler, walked.caseId, {
    proposal: MAJOR_FINE,
    materials: [notice.id],
  });
  return { ...walked, notice, review };
}

describe('legal review, without a database', () => {
  it('[LAW-12] [REV-1] nobody who handled or wrote to the case reviews it', async () => {
    const world = await unitBureau();
    const { caseId, review } = await submitted(world);
    // The unit head writes a record to the case: an author from then on.
    await createDocument(world.ports, cast.head, caseId, {
      type: 'statement-record',
      title: '补充陈述笔录',
      fields: { statement: '当事人补充陈述。' },
    });
    const qualify = async (sub: string) =>
      recordReviewer(world.ports, cast.secondAdmin, sub, { name: sub, legalQualificationNo: `Q-${sub}` });
    for (const excluded of [cast.handler, cast.colleague, cast.head]) {
      // Qualified or not, they are out: separation is checked before qualification.
      await qualify(excluded.sub);
      const refused = await refusal(
        giveOpinion(world.ports, person(excluded.sub, ['reviewer'], 'dzbgs'), review.id, APPROVAL),
      );
      expect(refused, excluded.sub).toBeInstanceOf(Forbidden);
    }
    expect((await world.ports.reviews.get(AGENCY, review.id))?.status).toBe('pending');
    // A person outside the case without a recorded qualification is refused for that (LAW-3, REV-6).
    await expect(giveOpinion(world.ports, cast.leader, review.id, APPROVAL)).rejects.toMatchObject({
      code: 'REVIEWER_NOT_QUALIFIED',
    });
    // The seven standards hold for every caller of the use case, not only the HTTP route.
    const sixOnly = { ...APPROVAL, findings: APPROVAL.findings.slice(1) };
    const incomplete = await refusal(giveOpinion(world.ports, cast.reviewer, review.id, sixOnly));
    expect(incomplete).toBeInstanceOf(ValidationFailed);
    expect((incomplete as ValidationFailed).details.map((detail) => detail.path)).toContain('findings');
    const approved = await giveOpinion(world.ports, cast.reviewer, review.id, APPROVAL);
    expect(approved.status).toBe('approved');
    expect(approved.rounds[0]?.opinion).toMatchObject({
      reviewer: cast.reviewer.sub,
      conclusion: 'approved',
    });
  });

  it('[REV-6] [LAW-12] an administrator does not record their own reviewer qualification', async () => {
    const world = await unitBureau();
    await expect(
      recordReviewer(world.ports, cast.admin, cast.admin.sub, { name: 'admin', legalQualificationNo: 'A1' }),
    ).rejects.toBeInstanceOf(Forbidden);
    expect(await world.ports.reviews.getReviewer(AGENCY, cast.admin.sub)).toBeUndefined();
  });

  it('[REV-3] an opinion answers each of the seven standards, and its conclusion agrees with its findings', () => {
    const issuesOf = (input: unknown) => {
      const parsed = OpinionInput.safeParse(input);
      return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
    };
    expect(REVIEW_STANDARDS).toHaveLength(7);
    expect(issuesOf(APPROVAL)).toEqual([]);
    expect(issuesOf(PROBLEMS)).toEqual([]);
    // One standard left out: refused, whichever it is.
    for (const standard of REVIEW_STANDARDS) {
      const six = APPROVAL.findings.filter((finding) => finding.standard !== standard);
      expect(issuesOf({ ...APPROVAL, findings: six }), standard).toContain('findings');
    }
    // Seven findings, but one standard twice and another missing.
    const twice = [...APPROVAL.findings.slice(0, 6), APPROVAL.findings[0]];
    expect(issuesOf({ ...APPROVAL, findings: twice })).toEqual(['findings']);
    // Approved despite a problem; problems without one; a problem without its note.
    expect(issuesOf({ ...PROBLEMS, conclusion: 'approved' })).toEqual(['conclusion']);
    expect(issuesOf({ ...APPROVAL, conclusion: 'problems' })).toEqual(['conclusion']);
    const silent = findings({ procedure: 'x' }).map((finding) => ({
      standard: finding.standard,
      result: finding.result,
    }));
    expect(issuesOf({ ...PROBLEMS, findings: silent })).toEqual(['findings.1.note']);
  });

  it('[REV-3] a suspected crime is transferred to the judicial organs, and no penalty is then decided', async () => {
    const world = await unitBureau();
    const { caseId, review } = await submitted(world);
    const transferred = await giveOpinion(world.ports, cast.reviewer, review.id, {
      findings: findings({ 'criminal-transfer': '涉案金额巨大，涉嫌非法集资，应移送公安机关。' }),
      conclusion: 'problems',
      opinion: '涉嫌犯罪，建议移送司法机关。',
    });
    expect(transferred).toMatchObject({ status: 'transferred', transfer: { by: cast.reviewer.sub } });
    await expect(issueDecision(world.ports, cast.handler, caseId, MAJOR_FINE)).rejects.toMatchObject({
      code: 'CRIMINAL_TRANSFER',
    });
    const types = (await caseJournal(world.ports, cast.handler, caseId)).map((entry) => entry.type);
    expect(types).toContain('review.transferred-to-judicial-organs');
  });

  it('[REV-4] problems found: the handler answers each one and resubmits; every round is kept', async () => {
    const world = await unitBureau();
    const { caseId, review } = await submitted(world);
    tick(world);
    const problems = await giveOpinion(world.ports, cast.reviewer, review.id, PROBLEMS);
    expect(problems.status).toBe('problems');
    await expect(issueDecision(world.ports, cast.handler, caseId, MAJOR_FINE)).rejects.toMatchObject({
      code: 'REVIEW_REQUIRED',
    });
    // A new review cannot be opened beside it.
    await expect(
      submitReview(world.ports, cast.handler, caseId, { proposal: MAJOR_FINE, materials: [] }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    // Each problem is answered, or the resubmission is refused.
    const unanswered = await refusal(
      resubmit(world.ports, cast.handler, review.id, { responses: [{ standard: 'procedure', note: '无' }] }),
    );
    expect(unanswered).toBeInstanceOf(ValidationFailed);
    expect(unanswered.details.map((detail) => detail.path)).toEqual(['responses']);
    // The reviewer does not resubmit for the handler.
    const answer = { responses: [{ standard: 'facts-and-evidence' as const, note: '已补充在场人员证言。' }] };
    await expect(resubmit(world.ports, cast.reviewer, review.id, answer)).rejects.toBeInstanceOf(Forbidden);

    tick(world);
    const second = await resubmit(world.ports, cast.handler, review.id, answer);
    expect(second).toMatchObject({ status: 'pending', round: 2 });
    expect(second.rounds.map((round) => [round.round, round.opinion?.conclusion])).toEqual([
      [1, 'problems'],
      [2, undefined],
    ]);
    expect(second.rounds[1]).toMatchObject({ submittedBy: cast.handler.sub, responses: answer.responses });
    tick(world);
    // The seven standards hold for every caller of the use case, not only the HTTP route.
    const sixOnly = { ...APPROVAL, findings: APPROVAL.findings.slice(1) };
    const incomplete = await refusal(giveOpinion(world.ports, cast.reviewer, review.id, sixOnly));
    expect(incomplete).toBeInstanceOf(ValidationFailed);
    expect((incomplete as ValidationFailed).details.map((detail) => detail.path)).toContain('findings');
    const approved = await giveOpinion(world.ports, cast.reviewer, review.id, APPROVAL);
    expect(approved.status).toBe('approved');
    expect(approved.rounds).toHaveLength(2);
    const issued = await issueDecision(world.ports, cast.handler, caseId, MAJOR_FINE);
    expect((await world.ports.reviews.get(AGENCY, review.id))?.usedByDecision).toBe(issued.decisionId);
    const types = (await caseJournal(world.ports, cast.handler, caseId)).map((entry) => entry.type);
    expect(types.filter((type) => type.startsWith('review.'))).toEqual([
      'review.submitted',
      'review.opinion',
      'review.resubmitted',
      'review.opinion',
    ]);
  });

  it('[REV-5] the review is due in 7 working days, extended once, and flagged when overdue', async () => {
    const world = await unitBureau('2026-09-29T02:00:00.000Z');
    const { caseId, review } = await submitted(world);
    const submittedOn = legalDateOf(new Date(review.createdAt));
    // 30 Sept; 1-7 Oct is the National Day holiday; 8, 9, 10 (an adjusted Saturday), 12, 13, 14 Oct.
    const due = await deadline(world.ports, submittedOn, 7);
    expect(due.dueBy).toBe('2026-10-14');
    expect(review.dueBy).toBe(due.dueBy);
    expect(review.rounds[0]?.dueBy).toBe(due.dueBy);

    const extended = await extendReview(world.ports, cast.leader, review.id, {
      workingDays: 3,
      reason: '案情复杂',
    });
    const later = await deadline(world.ports, due.dueBy, 3);
    expect(extended.dueBy).toBe(later.dueBy);
    expect(extended.extension).toMatchObject({ workingDays: 3, approvedBy: cast.leader.sub });
    await expect(
      extendReview(world.ports, cast.leader, review.id, { workingDays: 2, reason: '再次延期' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    // On its last day it is not overdue; the day after, the job flags it once.
    world.clock.set(`${later.dueBy}T09:00:00.000Z`);
    expect((await flagOverdueReviews(world.ports)).flagged).toEqual([]);
    world.clock.set(`${later.dueBy}T16:30:00.000Z`);
    expect((await flagOverdueReviews(world.ports)).flagged).toEqual([review.id]);
    expect((await flagOverdueReviews(world.ports)).flagged).toEqual([]);
    expect((await world.ports.reviews.get(AGENCY, review.id))?.overdue).toBe(true);
    const types = (await caseJournal(world.ports, cast.handler, caseId)).map((entry) => entry.type);
    expect(types.filter((type) => type === 'review.overdue')).toHaveLength(1);
  });

  it('[REV-5] [LAW-12] a disputed opinion is ruled on by a leader who neither handled the case nor gave the opinion', async () => {
    const world = await unitBureau();
    const { caseId, review } = await submitted(world);
    await giveOpinion(world.ports, cast.reviewer, review.id, PROBLEMS);
    // Only an opinion with problems is disputed, by the handling side.
    await expect(dispute(world.ports, cast.reviewer, review.id, { reason: '不同意' })).rejects.toBeInstanceOf(
      Forbidden,
    );
    const disputed = await dispute(world.ports, cast.colleague, review.id, {
      reason: '在场人员已在现场检查笔录中签名，证据充分。',
    });
    expect(disputed).toMatchObject({ status: 'disputed', dispute: { by: cast.colleague.sub } });
    await expect(issueDecision(world.ports, cast.handler, caseId, MAJOR_FINE)).rejects.toMatchObject({
      code: 'REVIEW_REQUIRED',
    });
    const ruling = { conclusion: 'approved' as const, note: '经局务会研究，证据充分，同意作出处罚决定。' };
    // Neither side of the dispute rules on it, whatever their role.
    for (const side of [cast.reviewer, cast.colleague, cast.handler]) {
      const refused = await refusal(
        ruleOnDispute(world.ports, person(side.sub, ['leader'], 'ldbz'), review.id, ruling),
      );
      expect(refused, side.sub).toBeInstanceOf(Forbidden);
    }
    tick(world);
    const ruled = await ruleOnDispute(world.ports, cast.leader, review.id, ruling);
    expect(ruled).toMatchObject({
      status: 'approved',
      ruling: { by: cast.leader.sub, conclusion: 'approved' },
    });
    await expect(ruleOnDispute(world.ports, cast.leader, review.id, ruling)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const issued = await issueDecision(world.ports, cast.handler, caseId, MAJOR_FINE);
    expect(issued.decisionId).toBeTruthy();
    const journal = await caseJournal(world.ports, cast.handler, caseId);
    expect(journal.find((entry) => entry.type === 'review.ruled')?.data).toMatchObject({
      conclusion: 'approved',
      ruledBy: cast.leader.sub,
    });
  });

  it('[REV-5] the materials are the case’s own documents and include those the catalog rule requires', async () => {
    const world = await unitBureau();
    const { caseId, documents } = await readyForDecision(world);
    await expect(
      submitReview(world.ports, cast.handler, caseId, {
        proposal: MAJOR_FINE,
        materials: ['no-such-document'],
      }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_MATERIAL', details: [{ path: 'materials' }] });
    // R01 asks for the prior notice; the statement alone does not do.
    const statement = documents.statement?.id ?? '';
    const missing = await refusal(
      submitReview(world.ports, cast.handler, caseId, { proposal: MAJOR_FINE, materials: [statement] }),
    );
    expect(missing.code).toBe('MATERIALS_MISSING');
    expect(missing.details).toHaveLength(1);
    const notice = documents['prior-notice']?.id ?? '';
    const review = await submitReview(world.ports, cast.handler, caseId, {
      proposal: MAJOR_FINE,
      materials: [statement, notice],
    });
    expect(review.rounds[0]).toMatchObject({ materials: [statement, notice], submittedBy: cast.handler.sub });
    expect(review.rounds[0]?.attestation).toBeTruthy();
  });
});
