import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { Conflict, StaleWrite } from '#shared/kernel/errors.ts';
import type { JournalEntry } from '#shared/kernel/journal.ts';
import { isLostRace } from '#shared/kernel/store/conditional.ts';
import { withRetry } from '#shared/kernel/use-cases/retry.ts';
import type { CaseRecord } from '#shared/recording/domain/case.ts';
import { CaseRepository } from '#shared/recording/store/case-repository.ts';

const cancelled = (code: string) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: [{ Code: 'None' }, { Code: code }],
  });

/** A case as the counters need it: a registration day, a category and a status. */
const record = {
  id: 'c',
  agencyId: 'a',
  category: 'penalty',
  status: 'registered',
  createdAt: '2026-01-01T00:00:00.000Z',
  version: 1,
  journalSeq: 1,
} as unknown as CaseRecord;

describe('a write that lost a race', () => {
  it('[REC-3] DynamoDB’s TransactionConflict is a lost race, retried; DynamoDB Local never returns it, so it is injected', async () => {
    const db = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'cn-north-1' }));
    const mock = mockClient(db);
    mock.on(TransactWriteCommand).rejectsOnce(cancelled('TransactionConflict')).resolves({});
    const repository = new CaseRepository(db, 'main', 'journal');
    const entry = { seq: 2, at: '2026-12-02T01:00:00.000Z', hash: 'h' } as unknown as JournalEntry;
    let attempts = 0;
    await withRetry(async () => {
      attempts += 1;
      await repository.commit(record, { ...record, version: 2 }, entry, []);
    });
    expect(attempts).toBe(2);
    expect(isLostRace(cancelled('ConditionalCheckFailed'))).toBe(true);
    expect(isLostRace(cancelled('ValidationError'))).toBe(false);
  });

  it('[REC-3] a registration cancelled by a TransactionConflict is retried; a duplicate case id is not', async () => {
    const db = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'cn-north-1' }));
    const mock = mockClient(db);
    mock
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled('TransactionConflict'))
      .resolvesOnce({})
      .rejects(cancelled('ConditionalCheckFailed'));
    const repository = new CaseRepository(db, 'main', 'journal');
    const entry = { seq: 1, at: '2026-12-02T01:00:00.000Z', hash: 'h' } as unknown as JournalEntry;
    let attempts = 0;
    const register = () =>
      withRetry(async () => {
        attempts += 1;
        await repository.create(record, entry);
      });
    await register();
    expect(attempts).toBe(2);
    await expect(register()).rejects.not.toBeInstanceOf(StaleWrite);
    expect(attempts).toBe(3);
  });

  it('a business conflict is answered at once, not retried', async () => {
    let attempts = 0;
    await expect(
      withRetry(async () => {
        attempts += 1;
        throw new Conflict('本案已作出决定');
      }),
    ).rejects.toThrow('本案已作出决定');
    expect(attempts).toBe(1);
    let races = 0;
    await expect(
      withRetry(async () => {
        races += 1;
        throw new StaleWrite('案件已被他人修改');
      }, 3),
    ).rejects.toBeInstanceOf(StaleWrite);
    expect(races).toBe(3);
  });
});
