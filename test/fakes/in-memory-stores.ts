import type { DomainEvent } from '#shared/events/publisher.ts';
import type { AgencyProfile } from '#shared/kernel/agency.ts';
import type { YearCalendar } from '#shared/kernel/calendar.ts';
import { Conflict, NotFound, StaleWrite } from '#shared/kernel/errors.ts';
import type { CalendarRepository } from '#shared/kernel/store/calendar-repository.ts';
import type { Page } from '#shared/kernel/store/pagination.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import type { Officer, StatusChange } from '#shared/organisation/domain/officer.ts';
import { type AgencyRepository, agencyIdTaken } from '#shared/organisation/store/agency-repository.ts';
import type { OfficerRepository } from '#shared/organisation/store/officer-repository.ts';
import { byteOrder, copy, pageOf } from '#test/fakes/memory.ts';

/**
 * In-memory stores for unit tests of use cases: the same contract as the DynamoDB repositories
 * (test/contracts/ runs one suite against both), none of the I/O. Copies go in and out, as
 * they would through DynamoDB, so a use case cannot change what is stored by holding a reference.
 */
export class InMemoryOfficers implements Port<OfficerRepository> {
  readonly #items = new Map<string, Officer>();

  async create(officer: Officer): Promise<void> {
    const key = `${officer.agencyId}#${officer.certificateNo}`;
    if (this.#items.has(key))
      throw new Conflict('该执法证号已登记', [{ path: 'certificateNo', message: '本机关已有此证件编号' }]);
    this.#items.set(key, copy(officer));
  }

  async get(agencyId: string, certificateNo: string): Promise<Officer | undefined> {
    const officer = this.#items.get(`${agencyId}#${certificateNo}`);
    return officer ? copy(officer) : undefined;
  }

  async findByCertificate(certificateNo: string): Promise<Officer[]> {
    return [...this.#items.values()].filter((officer) => officer.certificateNo === certificateNo).map(copy);
  }

  async list(agencyId: string, limit: number, cursor?: string): Promise<Page<Officer>> {
    const mine = [...this.#items.values()]
      .filter((officer) => officer.agencyId === agencyId)
      .sort((a, b) => a.certificateNo.localeCompare(b.certificateNo));
    return pageOf(mine, limit, cursor);
  }

  async listByValidTo(from: string, to: string): Promise<Officer[]> {
    return [...this.#items.values()]
      .filter((officer) => officer.validTo >= from && officer.validTo <= to)
      .sort((a, b) => a.validTo.localeCompare(b.validTo))
      .map(copy);
  }

  async changeStatus(officer: Officer, change: StatusChange): Promise<Officer> {
    const key = `${officer.agencyId}#${officer.certificateNo}`;
    const current = this.#items.get(key);
    if (!current) throw new NotFound('执法人员不存在');
    if (current.version !== officer.version) throw new Conflict('证件状态已被他人修改，请刷新后重试');
    const updated: Officer = {
      ...current,
      status: change.status,
      statusHistory: [...current.statusHistory, change],
      validTo: change.validTo ?? current.validTo,
      version: current.version + 1,
    };
    this.#items.set(key, copy(updated));
    return copy(updated);
  }
}

export class InMemoryAgencies implements Port<AgencyRepository> {
  readonly #profiles = new Map<string, AgencyProfile>();

  async get(agencyId: string): Promise<AgencyProfile | undefined> {
    const profile = this.#profiles.get(agencyId);
    return profile ? copy(profile) : undefined;
  }

  async ids(): Promise<string[]> {
    return [...this.#profiles.keys()];
  }

  async page(query: { limit: number; cursor?: string | undefined; nameContains?: string | undefined }) {
    const sorted = [...this.#profiles.values()].sort((a, b) => a.agencyId.localeCompare(b.agencyId));
    const page = pageOf(sorted, query.limit, query.cursor);
    const { nameContains } = query;
    return nameContains
      ? { ...page, items: page.items.filter((item) => item.name.includes(nameContains)) }
      : page;
  }

  async put(profile: AgencyProfile): Promise<void> {
    const stored = this.#profiles.get(profile.agencyId)?.supervisedBy;
    if (JSON.stringify(stored) !== JSON.stringify(profile.supervisedBy)) {
      throw new StaleWrite('该机关信息已被他人修改，请刷新后重试');
    }
    this.#profiles.set(profile.agencyId, copy(profile));
  }

  async create(profile: AgencyProfile): Promise<void> {
    if (this.#profiles.has(profile.agencyId)) throw agencyIdTaken();
    this.#profiles.set(profile.agencyId, copy(profile));
  }

  async supervise(
    agencyId: string,
    supervisedBy: string[],
    change: { at: string; by: string },
  ): Promise<AgencyProfile> {
    const current = this.#profiles.get(agencyId);
    if (!current) throw new NotFound('机关不存在', [{ path: 'agencyId', message: '没有该机关' }]);
    const next = { ...current, supervisedBy, updatedAt: change.at, updatedBy: change.by };
    this.#profiles.set(agencyId, copy(next));
    return copy(next);
  }

  async supervisedBy(bodyId: string): Promise<string[]> {
    // The body's index partition, by `AGENCY#<agency>`: in order of agency id.
    return [...this.#profiles.values()]
      .filter((profile) => profile.supervisedBy?.includes(bodyId))
      .map((profile) => profile.agencyId)
      .sort(byteOrder);
  }
}

export class InMemoryCalendars implements Port<CalendarRepository> {
  readonly #years = new Map<number, YearCalendar>();

  async get(year: number): Promise<YearCalendar | undefined> {
    const calendar = this.#years.get(year);
    return calendar ? copy(calendar) : undefined;
  }

  async put(calendar: YearCalendar, previousVersion: number | undefined): Promise<void> {
    if (this.#years.get(calendar.year)?.version !== previousVersion)
      throw new Conflict('该年度日历刚被他人修改，请刷新后重试');
    this.#years.set(calendar.year, copy(calendar));
  }
}

/** A clock the test sets, and the events a use case published. */
export function testClock(start: string) {
  let now = new Date(start);
  return { now: () => new Date(now), set: (instant: string) => (now = new Date(instant)) };
}

export function eventLog() {
  const events: DomainEvent[] = [];
  return { events, publish: async (batch: DomainEvent[]) => void events.push(...batch) };
}
