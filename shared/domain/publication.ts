import type { Deadline } from '#shared/domain/calendar.ts';
import type { EnforcementCategory } from '#shared/domain/officer.ts';

/**
 * What the public will see of a decision (PUB-9). Created with the decision, in the same
 * transaction, with its legal deadline; publishing, desensitising and withdrawal act on it.
 */
export interface Publication {
  id: string;
  agencyId: string;
  caseId: string;
  decisionId: string;
  category: EnforcementCategory;
  status: 'scheduled' | 'deadline-unconfirmed' | 'published' | 'withdrawn' | 'overdue';
  decidedOn: string;
  workingDays: number;
  /** null while a year the count reaches has no confirmed holiday calendar (LAW-8). */
  dueBy: string | null;
  calendarVersions: Deadline['calendarVersions'];
  createdAt: string;
}

/** PUB-9: licensing and penalty decisions within 7 working days, the rest within 20. */
export function publicationTimeLimit(category: EnforcementCategory): number {
  return category === 'penalty' || category === 'licensing' ? 7 : 20;
}
