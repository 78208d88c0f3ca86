import { CalendarRepository } from '#shared/kernel/store/calendar-repository.ts';
import { documentClient } from '#shared/kernel/store/clients.ts';
import { calendarRepositoryContract } from '#test/contracts/calendar-repository.ts';

calendarRepositoryContract(
  'DynamoDB Local',
  new CalendarRepository(documentClient, process.env.MAIN_TABLE ?? ''),
);
