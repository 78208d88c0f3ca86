import { clock } from '#shared/clock.ts';
import { config } from '#shared/config.ts';
import { publishEvents } from '#shared/events/publisher.ts';
import { AgencyRepository } from '#shared/store/agency-repository.ts';
import { ChecklistRepository } from '#shared/store/checklist-repository.ts';
import { documentClient } from '#shared/store/clients.ts';
import { ComplaintRepository } from '#shared/store/complaint-repository.ts';
import { OfficerRepository } from '#shared/store/officer-repository.ts';

/** The repositories over this deployment's tables, built once per cold start. */
const table = config().MAIN_TABLE;

export const repositories = {
  agencies: new AgencyRepository(documentClient, table),
  officers: new OfficerRepository(documentClient, table),
  complaints: new ComplaintRepository(documentClient, table),
  checklists: new ChecklistRepository(documentClient, table),
};

export type Repositories = typeof repositories;

/** What use cases are handed: the repositories and the clock. */
export const ports = { ...repositories, now: () => clock.now(), publish: publishEvents };
