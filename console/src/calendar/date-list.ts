import { type Day, FULL_DATE, isoDay } from '../typed-dates.ts';

/**
 * Dates as the State Council's holiday notice and people write them, for the calendar
 * administrator's form (LAW-8): `2027-02-06`, `2027/2/6`, `2027年2月6日`, `2月6日` (in the year
 * being loaded), and ranges `2月6日至12日`, `2027-02-06~2027-02-12`, separated by line breaks,
 * commas, 、 or semicolons. Each piece that is not a date is reported in words, not dropped.
 */
export interface DateList {
  /** ISO dates, sorted, each once. */
  dates: string[];
  /** The pieces that are not dates of the year, with why, in Chinese. */
  problems: string[];
}

const PIECE_SEPARATOR = /[\n\r,，、;；]+/;
const RANGE = /\s*(?:至|到|~|～|—|–)\s*/;
const MONTH_DAY = /^(\d{1,2})\s*(?:月|-|\/|\.)\s*(\d{1,2})\s*日?$/;
const DAY = /^(\d{1,2})\s*日?$/;

/** One end of a piece; the end of a range may leave out the year and the month of its start. */
function dayOf(text: string, year: number, start?: Day): Day | undefined {
  const full = FULL_DATE.exec(text);
  if (full) return { year: Number(full[1]), month: Number(full[2]), day: Number(full[3]) };
  const monthDay = MONTH_DAY.exec(text);
  if (monthDay) return { year: start?.year ?? year, month: Number(monthDay[1]), day: Number(monthDay[2]) };
  const day = DAY.exec(text);
  if (day && start) return { ...start, day: Number(day[1]) };
  return undefined;
}

export function parseDateList(text: string, year: number): DateList {
  const dates = new Set<string>();
  const problems: string[] = [];
  for (const raw of text.split(PIECE_SEPARATOR)) {
    const piece = raw
      .trim()
      .replace(/（[^）]*）|\([^)]*\)/g, '')
      .trim();
    if (piece === '') continue;
    const [from = '', to, ...rest] = piece.split(RANGE);
    const first = dayOf(from, year);
    const last = to === undefined ? first : first && dayOf(to, year, first);
    const start = first && isoDay(first);
    const end = last && isoDay(last);
    if (rest.length > 0 || !start || !end) {
      problems.push(
        `“${raw.trim()}”不是日期（可写作 ${year}-01-01、${year}年1月1日、1月1日或 2月6日至12日）`,
      );
      continue;
    }
    if (end < start) {
      problems.push(`“${raw.trim()}”的结束日期早于开始日期`);
      continue;
    }
    if (!start.startsWith(`${year}-`) || !end.startsWith(`${year}-`)) {
      problems.push(`“${raw.trim()}”不在 ${year} 年`);
      continue;
    }
    for (let at = new Date(`${start}T00:00:00Z`); at.toISOString().slice(0, 10) <= end; ) {
      dates.add(at.toISOString().slice(0, 10));
      at = new Date(at.getTime() + 86_400_000);
    }
  }
  return { dates: [...dates].sort(), problems };
}

/** Dates as people read them, runs of consecutive days as one range: 1月1日、2月6日至12日. */
export function describeDates(dates: readonly string[]): string {
  const runs: [string, string][] = [];
  for (const date of dates) {
    const last = runs.at(-1);
    const next = last && new Date(Date.parse(`${last[1]}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    if (last && next === date) last[1] = date;
    else runs.push([date, date]);
  }
  const chinese = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
  return runs
    .map(([from, to]) =>
      from === to
        ? chinese(from)
        : from.slice(5, 7) === to.slice(5, 7)
          ? `${chinese(from)}至${Number(to.slice(8, 10))}日`
          : `${chinese(from)}至${chinese(to)}`,
    )
    .join('、');
}
