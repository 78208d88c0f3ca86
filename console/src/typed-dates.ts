/**
 * Dates and times as staff type them (2026-12-07, 2026/12/7, 2026年12月7日, 20261207; a time
 * after it as 9:30, 09:30:15 or 9时30分), read into what the API takes: a legal date (YYYY-MM-DD)
 * or an instant, the time being Beijing time whatever the device's time zone. What the browser's
 * own date controls would show depends on its locale; these fields read the same everywhere.
 */

export interface Day {
  year: number;
  month: number;
  day: number;
}

export const FULL_DATE = /^(\d{4})\s*(?:年|-|\/|\.)\s*(\d{1,2})\s*(?:月|-|\/|\.)\s*(\d{1,2})\s*日?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_AND_TIME =
  /^(.+?)(?:\s+|T|(?<=日))(\d{1,2})\s*(?::|：|时|点)\s*(\d{1,2})(?:\s*(?::|：|分)\s*(\d{1,2})(?:\.\d+)?)?\s*(?:分|秒)?$/;
const BEIJING_OFFSET_HOURS = 8;

/** The ISO date of a day, or undefined when there is no such day (2月30日). */
export function isoDay({ year, month, day }: Day): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return date.toISOString().slice(0, 10);
}

/** A typed date as YYYY-MM-DD, or undefined when it is not one. */
export function readDate(text: string): string | undefined {
  const trimmed = text.trim();
  const match = FULL_DATE.exec(trimmed) ?? COMPACT_DATE.exec(trimmed);
  return match
    ? isoDay({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) })
    : undefined;
}

/**
 * A typed date and time in Beijing time as an ISO instant (UTC), or undefined when it is not
 * one. A text with its own offset (an instant the API gave) is read as it is.
 */
export function readBeijingTime(text: string): string | undefined {
  const trimmed = text.trim();
  if (/(?:Z|[+-]\d{2}:?\d{2})$/i.test(trimmed) && /^\d{4}-\d{2}-\d{2}T/.test(trimmed)) {
    const instant = new Date(trimmed);
    return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
  }
  const match = DATE_AND_TIME.exec(trimmed);
  const day = match && readDate(match[1] ?? '');
  if (!match || !day) return undefined;
  const [hour, minute, second] = [match[2], match[3], match[4] ?? '0'].map(Number) as [
    number,
    number,
    number,
  ];
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date, hour - BEIJING_OFFSET_HOURS, minute, second)).toISOString();
}

/** An instant as it is typed back into a field: 2026-12-07 09:30:15, Beijing time. */
export function typedBeijingTime(instant: string): string {
  const shifted = new Date(new Date(instant).getTime() + BEIJING_OFFSET_HOURS * 3600_000);
  return Number.isNaN(shifted.getTime()) ? instant : shifted.toISOString().slice(0, 19).replace('T', ' ');
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** What a date field reads its text as, in words: 2026年12月7日 星期一. */
export function dateReading(text: string): string | undefined {
  const day = readDate(text);
  if (!day) return undefined;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${year}年${month}月${date}日 ${WEEKDAYS[new Date(Date.UTC(year, month - 1, date)).getUTCDay()]}`;
}

/** What a date-and-time field reads its text as, in words: 2026年12月7日 09:30:15（北京时间）. */
export function timeReading(text: string): string | undefined {
  const instant = readBeijingTime(text);
  if (!instant) return undefined;
  const typed = typedBeijingTime(instant);
  const reading = dateReading(typed.slice(0, 10));
  return `${reading} ${typed.slice(11)}（北京时间）`;
}
