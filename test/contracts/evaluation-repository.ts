import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { StaleWrite } from '#shared/kernel/errors.ts';
import { GENESIS_HASH, type JournalEntry, nextEntry } from '#shared/kernel/journal.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import {
  DEFAULT_RUBRIC,
  type Evaluation,
  type EvaluationFile,
} from '#shared/supervision/domain/evaluation.ts';
import type { EvaluationRepository } from '#shared/supervision/store/evaluation-repository.ts';

const entryAfter = (head: { seq: number; hash: string }, type: string): JournalEntry =>
  nextEntry(head, { at: '2026-04-10T02:00:00.000Z', actor: 'evaluator', type, data: {} });

function drawn(evaluatorAgencyId: string, createdAt: string, caseIds: string[]) {
  const id = ulid();
  const entry = entryAfter({ seq: 0, hash: GENESIS_HASH }, 'evaluation.drawn');
  const evaluation: Evaluation = {
    id,
    agencyId: `agency-${ulid()}`,
    agencyName: '昌宁县民政局',
    evaluatorAgencyId,
    from: '2026-03-01',
    to: '2026-03-31',
    year: 2026,
    rubric: DEFAULT_RUBRIC,
    seed: 'contract-seed',
    algorithm: 'fisher-yates',
    poolSize: caseIds.length,
    poolSha256: '0'.repeat(64),
    sampleSize: caseIds.length,
    scored: 0,
    points: 0,
    failed: 0,
    createdAt,
    createdBy: 'evaluator',
    createdByName: '何评查',
    version: 1,
    journalSeq: entry.seq,
    journalHead: entry.hash,
  };
  const files: EvaluationFile[] = caseIds.map((caseId, index) => ({
    evaluationId: id,
    order: index + 1,
    caseId,
    title: `案件 ${index + 1}`,
    category: 'penalty',
    closedOn: '2026-03-10',
    version: 1,
  }));
  return { evaluation, files, entry };
}

/** What every evaluation store keeps (SUP-4): DynamoDB (test/integration) and the in-memory one. */
export function evaluationRepositoryContract(name: string, repository: Port<EvaluationRepository>): void {
  describe(`evaluation repository: ${name}`, () => {
    it('[SUP-4] keeps an evaluation with its files in drawn order, a score only over the versions read, and a body’s year', async () => {
      const body = `sfj-${ulid()}`;
      const caseIds = ['Z-CASE', 'A-CASE', 'M-CASE'];
      const { evaluation, files, entry } = drawn(body, '2026-04-10T02:00:00.000Z', caseIds);
      await repository.create(evaluation, files, entry);
      const read = await repository.get(evaluation.id);
      expect(read?.evaluation).toEqual(evaluation);
      expect(read?.files.map((file) => file.caseId)).toEqual(caseIds);
      expect(await repository.get(ulid())).toBeUndefined();

      const file = files[1] as EvaluationFile;
      const scoreEntry = entryAfter(
        { seq: evaluation.journalSeq, hash: evaluation.journalHead },
        'evaluation.scored',
      );
      const next: Evaluation = {
        ...evaluation,
        scored: 1,
        points: 55,
        failed: 1,
        version: 2,
        journalSeq: scoreEntry.seq,
        journalHead: scoreEntry.hash,
      };
      const score = {
        items: [],
        total: 55,
        passed: false,
        scoredAt: '2026-04-10T02:00:00.000Z',
        scoredBy: 'evaluator',
        scoredByName: '何评查',
      };
      const scored: EvaluationFile = { ...file, score, flagged: true, version: 2 };
      await repository.score(evaluation, next, file, scored, scoreEntry);
      // A second writer that read the first versions loses.
      await expect(repository.score(evaluation, next, file, scored, scoreEntry)).rejects.toBeInstanceOf(
        StaleWrite,
      );
      const after = await repository.get(evaluation.id);
      expect(after?.evaluation).toMatchObject({ scored: 1, points: 55, failed: 1, version: 2 });
      expect(after?.files[1]).toEqual(scored);

      const later = drawn(body, '2026-05-10T02:00:00.000Z', ['B-CASE']);
      await repository.create(later.evaluation, later.files, later.entry);
      const other = drawn(`sfj-${ulid()}`, '2026-05-10T02:00:00.000Z', ['C-CASE']);
      await repository.create(other.evaluation, other.files, other.entry);
      expect((await repository.ofYear(body, 2026)).map((item) => item.id)).toEqual([
        evaluation.id,
        later.evaluation.id,
      ]);
      expect(await repository.ofYear(body, 2025)).toEqual([]);
    });

    it('[SUP-4] lists an evaluated agency’s evaluations newest first, a page at a time', async () => {
      const body = `sfj-${ulid()}`;
      const made = ['2026-04-01', '2026-04-02', '2026-04-03'].map((day) =>
        drawn(body, `${day}T02:00:00.000Z`, ['X']),
      );
      const agencyId = `agency-${ulid()}`;
      for (const { evaluation, files, entry } of made)
        await repository.create({ ...evaluation, agencyId }, files, entry);
      const first = await repository.ofAgency(agencyId, 2);
      expect(first.items.map((item) => item.id)).toEqual([made[2]?.evaluation.id, made[1]?.evaluation.id]);
      const second = await repository.ofAgency(agencyId, 2, first.nextCursor);
      expect(second.items.map((item) => item.id)).toEqual([made[0]?.evaluation.id]);
      expect(second.nextCursor).toBeUndefined();
      expect((await repository.ofAgency(`agency-${ulid()}`, 10)).items).toEqual([]);
    });
  });
}
