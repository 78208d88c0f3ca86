import { addCalendarDays } from '#shared/kernel/dates.ts';
import { RuleViolation } from '#shared/kernel/errors.ts';

/**
 * The official holiday calendar of one year (LAW-8): public holidays, and the weekend days that
 * are working days (调休), with where it came from and who loaded it. Each change of a year is a
 * new `version`, and every deadline records the versions it was computed with.
 */
export interface YearCalendar {
  year: number;
  holidays: string[];
  workdays: string[];
  source: string;
  loadedBy: string;
  loadedAt: string;
  version: number;
}

export class CalendarNotConfirmed extends RuleViolation {
  readonly year: number;

  constructor(year: number) {
    super(
      'CALENDAR_NOT_CONFIRMED',
      `${year} 年的节假日安排尚未公布或未载入，无法计算期限`,
      [{ path: 'year', message: String(year) }],
      { year },
    );
    this.year = year;
  }
}

export interface Deadline {
  dueBy: string;
  /** year -> calendar version used */
  calendarVersions: Record<string, number>;
}

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

export function isWorkingDay(calendar: YearCalendar, date: string): boolean {
  if (calendar.workdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  const day = weekday(date);
  return day !== 0 && day !== 6;
}

/**
 * `workingDays` working days after `from` (counting starts the next day, 行政处罚法 art. 85), using
 * the calendar of every year the count passes through; a year that is not loaded is not guessed.
 */
export function addWorkingDays(
  calendarOf: (year: number) => YearCalendar | undefined,
  from: string,
  workingDays: number,
): Deadline {
  const versions: Record<string, number> = {};
  let date = from;
  let counted = 0;
  while (counted < workingDays) {
    date = addCalendarDays(date, 1);
    const year = Number(date.slice(0, 4));
    const calendar = calendarOf(year);
    if (!calendar) throw new CalendarNotConfirmed(year);
    versions[year] = calendar.version;
    if (isWorkingDay(calendar, date)) counted += 1;
  }
  return { dueBy: date, calendarVersions: versions };
}

/**
 * How many working days `to` is after `from` (0 when it is not after it): how late a publication
 * went out. Throws CALENDAR_NOT_CONFIRMED for a year that is not loaded.
 */
export function workingDaysAfter(
  calendarOf: (year: number) => YearCalendar | undefined,
  from: string,
  to: string,
): number {
  let count = 0;
  for (let date = addCalendarDays(from, 1); date <= to; date = addCalendarDays(date, 1)) {
    const calendar = calendarOf(Number(date.slice(0, 4)));
    if (!calendar) throw new CalendarNotConfirmed(Number(date.slice(0, 4)));
    if (isWorkingDay(calendar, date)) count += 1;
  }
  return count;
}
