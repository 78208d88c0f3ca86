import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, nextEntry, verifyChain } from '#shared/kernel/journal.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { CaseRecord } from '#shared/recording/domain/case.ts';
import {
  DEFAULT_RUBRIC,
  drawFiles,
  type Evaluation,
  EvaluationInput,
  rankingOf,
  rubricMaxPoints,
  scoreRefusals,
} from '#shared/supervision/domain/evaluation.ts';
import {
  drawEvaluation,
  listEvaluations,
  readEvaluation,
  scoreFile,
} from '#shared/supervision/use-cases/evaluations.ts';
import { newMatter } from '#shared/supervision/use-cases/open-matter.ts';
import { evaluationRepositoryContract } from '#test/contracts/evaluation-repository.ts';
import { inMemoryWorld } from '#test/fakes/in-memory-ports.ts';
import { InMemoryEvaluations } from '#test/fakes/in-memory-supervision.ts';
import { refusal } from '#test/helpers/unit-case.ts';

// The in-memory store keeps the contract the DynamoDB one keeps (test/integration).
evaluationRepositoryContract('in memory', new InMemoryEvaluations());

const AGENCY = 'changning-mzj';
const OTHER = 'changning-scj';
const supervisor: Principal = {
  sub: 'sfj-evaluator',
  name: '何评查',
  agencyId: 'changning-sfj',
  roles: ['supervisor'],
  supervises: [AGENCY],
};

function closedCase(agencyId: string, status: CaseRecord['status'], closedOn?: string): CaseRecord {
  const at = '2026-01-05T02:00:00.000Z';
  return {
    id: ulid(),
    agencyId,
    category: 'penalty',
    title: `案件 ${closedOn ?? status}`,
    party: { kind: 'person', name: '杨某某', idNumber: '530524197805061235' },
    officers: ['ZF-0001', 'ZF-0002'],
    handlers: ['officer'],
    flags: {},
    status,
    ...(closedOn ? { closedOn } : {}),
    createdAt: at,
    createdBy: 'officer',
    updatedAt: at,
    version: 1,
    journalSeq: 1,
    journalHead: GENESIS_HASH,
  };
}

/** An agency with eight files closed in March, one in February, one archived in March and two open cases. */
async function world() {
  const built = inMemoryWorld('2026-04-10T02:00:00.000Z');
  const { ports } = built;
  for (const agencyId of [AGENCY, OTHER])
    await ports.agencies.put({
      agencyId,
      name: agencyId === AGENCY ? '昌宁县民政局' : '昌宁县市场监督管理局',
      region: '昌宁县',
      units: [],
      updatedAt: '2026-01-01T00:00:00.000Z',
      updatedBy: 'admin',
    });
  const files = [
    ...Array.from({ length: 8 }, (_, index) => closedCase(AGENCY, 'closed', `2026-03-${10 + index}`)),
    closedCase(AGENCY, 'archived', '2026-03-31'),
    closedCase(AGENCY, 'closed', '2026-02-28'),
    closedCase(AGENCY, 'investigating'),
    closedCase(AGENCY, 'revoked', '2026-03-15'),
    closedCase(OTHER, 'closed', '2026-03-12'),
  ];
  for (const record of files) {
    const entry = nextEntry(
      { seq: 0, hash: GENESIS_HASH },
      { at: record.createdAt, actor: 'officer', type: 'case.registered', data: {} },
    );
    await ports.cases.create({ ...record, journalSeq: entry.seq, journalHead: entry.hash }, entry);
  }
  const inMarch = files.slice(0, 9).map((record) => record.id);
  return { ...built, inMarch };
}

const march = { agencyId: AGENCY, from: '2026-03-01', to: '2026-03-31', rubricId: DEFAULT_RUBRIC.rubricId };
const fullMarks = DEFAULT_RUBRIC.items.map((item) => ({ itemId: item.itemId, points: item.maxPoints }));
const marks = (points: Record<string, number>) =>
  DEFAULT_RUBRIC.items.map((item) => ({
    itemId: item.itemId,
    points: points[item.itemId] ?? item.maxPoints,
  }));

describe('case-file evaluation (SUP-4), without a database', () => {
  it('[SUP-4] the same seed draws the same files; only files closed in the period, of that agency', async () => {
    const { ports, inMarch } = await world();
    const first = await drawEvaluation(ports, supervisor, { ...march, sampleSize: 5, seed: 'seed-2026-q1' });
    const again = await drawEvaluation(ports, supervisor, { ...march, sampleSize: 5, seed: 'seed-2026-q1' });
    const ids = (evaluation: { files: readonly { caseId: string }[] }) =>
      evaluation.files.map((file) => file.caseId);
    expect(ids(first)).toHaveLength(5);
    expect(ids(again)).toEqual(ids(first));
    expect(again.poolSha256).toBe(first.poolSha256);
    expect(first).toMatchObject({
      seed: 'seed-2026-q1',
      poolSize: 9,
      sampleSize: 5,
      agencyName: '昌宁县民政局',
    });
    for (const id of ids(first)) expect(inMarch).toContain(id);
    // A larger sample than the period holds takes every closed file once, and nothing else.
    const all = await drawEvaluation(ports, supervisor, { ...march, sampleSize: 30 });
    expect(new Set(ids(all))).toEqual(new Set(inMarch));
    // Without a seed one is made and kept: drawing with it repeats the draw.
    expect(all.seed).toMatch(/^[0-9a-f]{32}$/);
    const repeated = await drawEvaluation(ports, supervisor, { ...march, sampleSize: 30, seed: all.seed });
    expect(ids(repeated)).toEqual(ids(all));
    // Another seed orders the sample differently (the shuffle depends on the seed).
    const other = await drawEvaluation(ports, supervisor, { ...march, sampleSize: 9, seed: 'another-seed' });
    expect(ids(other)).not.toEqual(ids(all));
  });

  it('[SUP-4] the draw is the pure seeded shuffle over the files in id order, whatever order they are read in', () => {
    const files = Array.from({ length: 20 }, () => closedCase(AGENCY, 'closed', '2026-03-10'));
    const forward = drawFiles('fixed-seed', files, 4);
    const backward = drawFiles('fixed-seed', [...files].reverse(), 4);
    expect(backward.drawn.map((file) => file.id)).toEqual(forward.drawn.map((file) => file.id));
    expect(backward.poolSha256).toBe(forward.poolSha256);
    expect(drawFiles('fixed-seed', files.slice(1), 4).poolSha256).not.toBe(forward.poolSha256);
  });

  it('[SUP-4] an evaluator draws only for agencies supervised, never their own; a period without closed files is 422', async () => {
    const { ports } = await world();
    expect(
      await refusal(drawEvaluation(ports, supervisor, { ...march, agencyId: OTHER, sampleSize: 1 })),
    ).toMatchObject({
      kind: 'forbidden',
    });
    const inside: Principal = { ...supervisor, agencyId: AGENCY, supervises: [AGENCY] };
    expect(await refusal(drawEvaluation(ports, inside, { ...march, sampleSize: 1 }))).toMatchObject({
      kind: 'forbidden',
      message: '评查人员不能评查本机关的案卷',
    });
    expect(
      await refusal(
        drawEvaluation(ports, supervisor, { ...march, from: '2026-05-01', to: '2026-05-31', sampleSize: 1 }),
      ),
    ).toMatchObject({ kind: 'rule', code: 'NO_CLOSED_CASES' });
  });

  it('[SUP-4] the input names each bad field: period order and length, sample size, rubric, seed', () => {
    const parsed = EvaluationInput.safeParse({
      agencyId: AGENCY,
      from: '2026-03-31',
      to: '2026-03-01',
      sampleSize: 31,
      rubricId: 'no-such-rubric',
      seed: 'bad seed!',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(
      ['rubricId', 'sampleSize', 'seed', 'to'].sort(),
    );
    const long = EvaluationInput.safeParse({ ...march, from: '2025-01-01', to: '2026-03-31', sampleSize: 1 });
    expect(long.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['to', '评查期间不能超过一年'],
    ]);
  });

  it('[SUP-4] a score names every bad item: unknown, twice, above its points, missing', () => {
    expect(rubricMaxPoints(DEFAULT_RUBRIC)).toBe(100);
    expect(scoreRefusals(DEFAULT_RUBRIC, fullMarks)).toEqual([]);
    const [first, second, third] = fullMarks;
    const details = scoreRefusals(DEFAULT_RUBRIC, [
      { itemId: 'no-such-item', points: 1 },
      first ?? fullMarks[0],
      { ...(first ?? fullMarks[0]), points: 1 },
      { ...(second ?? fullMarks[0]), points: 26 },
      third ?? fullMarks[0],
    ] as typeof fullMarks);
    expect(details.map((detail) => detail.path)).toEqual([
      'items.0.itemId',
      'items.2.itemId',
      'items.3.points',
      'items',
    ]);
    expect(details[2]?.message).toBe('“执法程序合法”不能超过满分 25 分');
    expect(details[3]?.message).toBe('缺少评分项：适用依据正确、裁量适当、执法文书规范、立卷归档规范');
  });

  it('[SUP-4] scores total per file; below the pass mark a file is flagged; a rescore replaces it; each is journaled', async () => {
    const { ports } = await world();
    const drawn = await drawEvaluation(ports, supervisor, { ...march, sampleSize: 3, seed: 'totals-seed' });
    const [a, b] = drawn.files.map((file) => file.caseId) as [string, string];
    await scoreFile(ports, supervisor, drawn.id, a, { items: marks({ procedure: 20, evidence: 15 }) });
    const low = await scoreFile(ports, supervisor, drawn.id, b, {
      items: marks({ procedure: 5, evidence: 5, 'basis-discretion': 5, documents: 5 }),
    });
    expect(low.files.find((file) => file.caseId === a)?.score?.total).toBe(90);
    expect(low.files.find((file) => file.caseId === b)).toMatchObject({
      score: { total: 40, passed: false },
      flagged: true,
    });
    expect(low.flagged).toEqual([b]);
    expect(low.totals).toMatchObject({
      files: 3,
      scored: 2,
      complete: false,
      average: 65,
      passed: 1,
      failed: 1,
    });
    const fixed = await scoreFile(ports, supervisor, drawn.id, b, { items: fullMarks });
    expect(fixed.totals).toMatchObject({ scored: 2, average: 95, failed: 0 });
    expect(fixed.flagged).toEqual([]);
    const journal = ports.evaluations.journals.get(drawn.id) ?? [];
    expect(journal.map((entry) => entry.type)).toEqual([
      'evaluation.drawn',
      'evaluation.scored',
      'evaluation.scored',
      'evaluation.scored',
    ]);
    expect(verifyChain(journal, { seq: 4, hash: journal.at(-1)?.hash ?? '' }).ok).toBe(true);
    expect(journal[0]?.data).toMatchObject({
      seed: 'totals-seed',
      caseIds: drawn.files.map((file) => file.caseId),
    });
  });

  it("[SUP-4] a file below the pass mark opens a supervision matter in the score's write, once per file, journaled", async () => {
    const { ports } = await world();
    const drawn = await drawEvaluation(ports, supervisor, { ...march, sampleSize: 3, seed: 'matter-seed' });
    const [a, b, c] = drawn.files.map((file) => file.caseId) as [string, string, string];
    const failing = marks({ procedure: 5, evidence: 5, 'basis-discretion': 5, documents: 5 });
    await scoreFile(ports, supervisor, drawn.id, c, { items: fullMarks });
    const first = await scoreFile(ports, supervisor, drawn.id, a, { items: failing });
    const matterA = first.files.find((file) => file.caseId === a)?.supervisionMatterId;
    expect(matterA).toBeDefined();
    expect(first.files.find((file) => file.caseId === c)?.supervisionMatterId).toBeUndefined();
    const opened = await ports.matters.get(matterA ?? '');
    expect(opened).toMatchObject({
      source: 'evaluation',
      sourceRef: drawn.id,
      subject: { caseId: a },
      agencyId: AGENCY,
      supervisorAgencyId: 'changning-sfj',
      status: 'open',
    });
    expect(opened?.facts).toContain('40分');
    expect((await ports.matters.journal(matterA ?? '')).map((entry) => entry.type)).toEqual([
      'matter.opened',
    ]);
    // Scored again, failing or passing: the same matter, no second one.
    const again = await scoreFile(ports, supervisor, drawn.id, a, { items: marks({ procedure: 0 }) });
    expect(again.files.find((file) => file.caseId === a)?.supervisionMatterId).toBe(matterA);
    const passing = await scoreFile(ports, supervisor, drawn.id, a, { items: fullMarks });
    expect(passing.files.find((file) => file.caseId === a)).toMatchObject({ supervisionMatterId: matterA });
    expect(passing.flagged).toEqual([]);
    // A second failing file of the same evaluation opens its own matter.
    const second = await scoreFile(ports, supervisor, drawn.id, b, { items: failing });
    const matterB = second.files.find((file) => file.caseId === b)?.supervisionMatterId;
    expect(matterB).toBeDefined();
    expect(matterB).not.toBe(matterA);
    const listed = await ports.matters.list(AGENCY, 10, undefined, 'changning-sfj');
    expect(listed.items.map((matter) => matter.subject.caseId).sort()).toEqual([a, b].sort());
    const journal = ports.evaluations.journals.get(drawn.id) ?? [];
    expect(journal.filter((entry) => entry.data.supervisionMatterId).map((entry) => entry.data)).toEqual([
      expect.objectContaining({ caseId: a, supervisionMatterId: matterA }),
      expect.objectContaining({ caseId: b, supervisionMatterId: matterB }),
    ]);
  });

  it('[SUP-4] a score that loses its race opens no matter', async () => {
    const { ports } = await world();
    const drawn = await drawEvaluation(ports, supervisor, { ...march, sampleSize: 2, seed: 'race-seed' });
    const [a] = drawn.files.map((file) => file.caseId) as [string];
    const stored = await ports.evaluations.get(drawn.id);
    const { evaluation, files } = stored ?? { evaluation: undefined, files: [] };
    const file = files[0];
    if (!evaluation || !file) throw new Error('the evaluation is stored');
    // Another score lands first: the stale one must leave neither its score nor a matter behind.
    await scoreFile(ports, supervisor, drawn.id, a, { items: fullMarks });
    const { matter, entry } = newMatter(
      supervisor,
      {
        agencyId: AGENCY,
        source: 'evaluation',
        sourceRef: drawn.id,
        subject: { caseId: a },
        facts: '低于合格分',
      },
      { bodyName: '昌宁县司法局', agencyName: '昌宁县民政局', now: new Date('2026-04-10T02:00:00.000Z') },
    );
    await expect(
      ports.evaluations.score(
        evaluation,
        { ...evaluation, version: evaluation.version + 1 },
        file,
        { ...file, version: file.version + 1 },
        entry,
        ports.matters.opening(matter, entry),
      ),
    ).rejects.toThrow();
    expect(await ports.matters.get(matter.matterId)).toBeUndefined();
  });

  it('[SUP-4] an evaluator of the agency itself, of another body or of no supervising body scores nothing; a file not drawn is 404', async () => {
    const { ports, inMarch } = await world();
    const drawn = await drawEvaluation(ports, supervisor, { ...march, sampleSize: 2, seed: 'refusal-seed' });
    const file = drawn.files[0]?.caseId ?? '';
    const ownAgency: Principal = { ...supervisor, sub: 'mzj-inside', agencyId: AGENCY, supervises: [AGENCY] };
    expect(await refusal(scoreFile(ports, ownAgency, drawn.id, file, { items: fullMarks }))).toMatchObject({
      kind: 'forbidden',
    });
    // Another body that supervises the agency too does not score this body's evaluation (nor open its matters).
    const otherBody: Principal = { ...supervisor, sub: 'other-body', agencyId: 'other-sfj' };
    expect(await refusal(scoreFile(ports, otherBody, drawn.id, file, { items: fullMarks }))).toMatchObject({
      kind: 'forbidden',
    });
    const stranger: Principal = { ...supervisor, supervises: [OTHER] };
    expect(await refusal(scoreFile(ports, stranger, drawn.id, file, { items: fullMarks }))).toMatchObject({
      kind: 'forbidden',
    });
    const notDrawn = inMarch.find((id) => !drawn.files.some((item) => item.caseId === id)) ?? '';
    expect(
      await refusal(scoreFile(ports, supervisor, drawn.id, notDrawn, { items: fullMarks })),
    ).toMatchObject({
      kind: 'not-found',
      details: [{ path: 'caseId', message: notDrawn }],
    });
    expect(
      await refusal(scoreFile(ports, supervisor, drawn.id, file, { items: fullMarks.slice(1) })),
    ).toMatchObject({
      kind: 'invalid',
      details: [{ path: 'items' }],
    });
  });

  it('[SUP-4] results and ranking are read by the agency’s admin and leader, not its officers nor other agencies', async () => {
    const { ports } = await world();
    const drawn = await drawEvaluation(ports, supervisor, { ...march, sampleSize: 1, seed: 'reading-seed' });
    const as = (roles: Principal['roles'], agencyId = AGENCY): Principal => ({
      sub: `${agencyId}-x`,
      name: '某人',
      agencyId,
      roles,
    });
    expect((await readEvaluation(ports, as(['leader']), drawn.id)).id).toBe(drawn.id);
    expect((await readEvaluation(ports, as(['admin']), drawn.id)).id).toBe(drawn.id);
    expect(await refusal(readEvaluation(ports, as(['officer', 'supervisor']), drawn.id))).toMatchObject({
      kind: 'forbidden',
    });
    expect(await refusal(readEvaluation(ports, as(['admin'], OTHER), drawn.id))).toMatchObject({
      kind: 'forbidden',
    });
    expect(await refusal(readEvaluation(ports, supervisor, 'NO-SUCH-EVALUATION'))).toMatchObject({
      kind: 'not-found',
    });
    const listed = await listEvaluations(ports, as(['leader']), { limit: 10 });
    expect(listed.items.map((item) => [item.id, item.totals.files])).toEqual([[drawn.id, 1]]);
    expect((await listEvaluations(ports, supervisor, { agencyId: AGENCY, limit: 10 })).items).toHaveLength(1);
    expect((await listEvaluations(ports, as(['admin'], OTHER), { limit: 10 })).items).toEqual([]);
    expect(
      await refusal(listEvaluations(ports, as(['admin'], OTHER), { agencyId: AGENCY, limit: 10 })),
    ).toMatchObject({
      kind: 'forbidden',
    });
    expect(await refusal(listEvaluations(ports, supervisor, { limit: 10 }))).toMatchObject({
      kind: 'invalid',
      details: [{ path: 'agencyId' }],
    });
  });

  it('[SUP-4] the ranking: each agency by its latest scored evaluation of the year, highest average first, ties share a place', () => {
    const evaluation = (agencyId: string, createdAt: string, points: number, scored = 2): Evaluation =>
      ({
        id: `${agencyId}-${createdAt}`,
        agencyId,
        agencyName: agencyId,
        createdAt,
        scored,
        points,
        failed: 0,
        rubric: DEFAULT_RUBRIC,
        sampleSize: 2,
      }) as Evaluation;
    const rows = rankingOf([
      evaluation('a', '2026-04-01', 150),
      evaluation('a', '2026-05-01', 190),
      evaluation('b', '2026-04-02', 160),
      evaluation('c', '2026-04-03', 190),
      evaluation('d', '2026-06-01', 0, 0),
    ]);
    expect(rows.map((row) => [row.agencyId, row.average, row.rank])).toEqual([
      ['a', 95, 1],
      ['c', 95, 1],
      ['b', 80, 3],
    ]);
  });
});
