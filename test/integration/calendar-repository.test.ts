import { CalendarRepository } from '#shared/store/calendar-repository.ts';
import { documentClient } from '#shared/store/clients.ts';
import { calendarRepositoryContract } from '#test/contracts/calendar-repository.ts';

calendarRepositoryContract(
  'DynamoDB Local',
  new CalendarRepository(documentClient, process.env.MAIN_TABLE ?? ''),
);
