import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#shared/kernel/store/clients.ts';
import { counterWrites, StatisticsRepository } from '#shared/kernel/store/statistics-repository.ts';
import { statisticsRepositoryContract } from '#test/contracts/statistics-repository.ts';

const table = process.env.MAIN_TABLE ?? '';

// Counts are added as a case commit adds them: the counter writes of its transaction.
statisticsRepositoryContract('DynamoDB Local', () => ({
  statistics: new StatisticsRepository(documentClient, table),
  add: async (agencyId, caseId, days) => {
    await documentClient.send(
      new TransactWriteCommand({ TransactItems: counterWrites(table, agencyId, caseId, days) }),
    );
  },
}));
