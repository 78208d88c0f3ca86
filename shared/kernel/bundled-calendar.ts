import { createRequire } from 'node:module';
import type { YearCalendar } from '#shared/kernel/calendar.ts';

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData;

/** The years the `chinese-days` package knows (2004-2026); later years must be loaded by an admin. */
export function bundledCalendar(year: number): YearCalendar | undefined {
  const prefix = `${year}-`;
  const holidays = Object.keys(data.holidays)
    .filter((date) => date.startsWith(prefix))
    .sort();
  const workdays = Object.keys(data.workdays)
    .filter((date) => date.startsWith(prefix))
    .sort();
  if (holidays.length === 0) return undefined;
  return {
    year,
    holidays,
    workdays,
    source: '国务院办公厅关于节假日安排的通知（chinese-days 1.5 数据）',
    loadedBy: 'system',
    loadedAt: '2026-01-01T00:00:00.000Z',
    version: 0,
  };
}
