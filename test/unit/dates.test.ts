import { describe, expect, it } from 'vitest';
import { addCalendarMonths, chineseDate } from '#shared/kernel/dates.ts';

describe('periods in calendar months', () => {
  it.each([
    ['2026-11-28', 3, '2027-02-28'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-03-15', 36, '2029-03-15'],
  ])('[LAW-6] %s plus %i months is %s', (from, months, expected) => {
    expect(addCalendarMonths(from, months)).toBe(expected);
  });
});

describe('dates as documents print them', () => {
  it.each([
    ['2026-12-07', '二〇二六年十二月七日'],
    ['2026-01-10', '二〇二六年一月十日'],
    ['2030-11-20', '二〇三〇年十一月二十日'],
    ['2027-03-31', '二〇二七年三月三十一日'],
    ['2026-10-15', '二〇二六年十月十五日'],
  ])('[REC-12] %s prints as %s', (date, expected) => {
    expect(chineseDate(date)).toBe(expected);
  });
});
