import { documentClient } from '#shared/kernel/store/clients.ts';
import { DeviceRepository } from '#shared/recording/store/device-repository.ts';
import { deviceRepositoryContract } from '#test/contracts/device-repository.ts';

deviceRepositoryContract(
  'DynamoDB Local',
  new DeviceRepository(documentClient, process.env.MAIN_TABLE ?? ''),
);
