import * as z from 'zod';

/** Legal dates and deadlines are calendar dates in China Standard Time. */
export const LEGAL_TIME_ZONE = 'Asia/Shanghai';

const legalDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: LEGAL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Asia/Shanghai calendar date (`YYYY-MM-DD`) of an instant. */
export function legalDateOf(instant: Date): string {
  return legalDateFormat.format(instant);
}

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export const LegalDate = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });

/**
 * A query with a period `from`–`to` (either may be absent): a `to` before `from` is a 400 naming
 * `to`, on every route that takes one, before the handler runs.
 */
export function orderedPeriod<Query extends z.ZodObject>(query: Query) {
  return query.refine(
    (value) => {
      const { from, to } = value as { from?: string; to?: string };
      return from === undefined || to === undefined || to >= from;
    },
    { error: '结束日期不能早于开始日期', path: ['to'] },
  );
}

/** A calendar date plus (or minus) whole days; plain calendar arithmetic, no time zone involved. */
export function addCalendarDays(date: string, days: number): string {
  const utc = new Date(`${date}T00:00:00Z`);
  utc.setUTCDate(utc.getUTCDate() + days);
  return utc.toISOString().slice(0, 10);
}

/**
 * A calendar date plus whole months, as the law counts a period of months: the same day of the
 * month, or the month's last day when it has no such day (2026-01-31 + 1 month = 2026-02-28).
 */
export function addCalendarMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

export { beijingTimeText } from '#shared/kernel/beijing-time.ts';

const CHINESE_DIGITS = '〇一二三四五六七八九';
/** 1–31 as written in a date: 七, 十, 十二, 二十, 三十一. */
const chineseOrdinal = (value: number) =>
  value < 10
    ? CHINESE_DIGITS[value]
    : `${value >= 20 ? CHINESE_DIGITS[Math.floor(value / 10)] : ''}十${value % 10 ? CHINESE_DIGITS[value % 10] : ''}`;

/** A calendar date as people write it in a sentence: 2026-05-01 -> 2026年5月1日. */
export function dateText(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** A calendar date as official documents print it: 2026-12-07 -> 二〇二六年十二月七日. */
export function chineseDate(date: string): string {
  const [year = '', month = '1', day = '1'] = date.split('-');
  const digits = [...year].map((digit) => CHINESE_DIGITS[Number(digit)]).join('');
  return `${digits}年${chineseOrdinal(Number(month))}月${chineseOrdinal(Number(day))}日`;
}
