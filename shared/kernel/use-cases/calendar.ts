import { bundledCalendar } from '#shared/kernel/bundled-calendar.ts';
import {
  addWorkingDays,
  CalendarNotConfirmed,
  type Deadline,
  type YearCalendar,
} from '#shared/kernel/calendar.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { CalendarRepository } from '#shared/kernel/store/calendar-repository.ts';
import type { Port } from '#shared/kernel/store/port.ts';

export interface CalendarPorts {
  calendars: Port<CalendarRepository>;
  now: () => Date;
}

/** A year as loaded by an administrator, or else as the bundled data has it (2004-2026). */
export async function yearCalendar(ports: CalendarPorts, year: number): Promise<YearCalendar | undefined> {
  return (await ports.calendars.get(year)) ?? bundledCalendar(year);
}

/** `workingDays` working days after `from`; throws CALENDAR_NOT_CONFIRMED for an unloaded year. */
export async function deadline(ports: CalendarPorts, from: string, workingDays: number): Promise<Deadline> {
  const first = Number(from.slice(0, 4));
  // A count of up to 60 working days spans at most the next calendar year.
  const years = new Map<number, YearCalendar | undefined>();
  for (const year of [first, first + 1]) years.set(year, await yearCalendar(ports, year));
  return addWorkingDays((year) => years.get(year), from, workingDays);
}

export async function loadYear(
  ports: CalendarPorts,
  principal: Principal,
  year: number,
  input: { holidays: string[]; workdays: string[]; source?: string },
): Promise<YearCalendar> {
  const stored = await ports.calendars.get(year);
  const previous = stored ?? bundledCalendar(year);
  const calendar: YearCalendar = {
    year,
    holidays: [...new Set(input.holidays)].sort(),
    workdays: [...new Set(input.workdays)].sort(),
    source: input.source ?? '国务院办公厅关于节假日安排的通知',
    loadedBy: principal.sub,
    loadedAt: ports.now().toISOString(),
    version: (previous?.version ?? 0) + 1,
  };
  await ports.calendars.put(calendar, stored?.version);
  return calendar;
}

/**
 * A deadline to record on a publication or review: the due date, or `dueBy: null` while a year it
 * reaches has no confirmed calendar (held and listed, never guessed; LAW-8).
 */
export async function heldDeadline(
  ports: CalendarPorts,
  from: string,
  workingDays: number,
): Promise<{ dueBy: string | null; calendarVersions: Record<string, number> }> {
  try {
    return await deadline(ports, from, workingDays);
  } catch (error) {
    if (error instanceof CalendarNotConfirmed) return { dueBy: null, calendarVersions: {} };
    throw error;
  }
}
