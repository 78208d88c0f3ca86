import { describe, expect, it } from 'vitest';
import { describeDates, parseDateList } from '../src/calendar/date-list.ts';

describe('dates as the holiday notice writes them (LAW-8)', () => {
  it.each([
    ['2027-01-01', ['2027-01-01']],
    ['2027/1/1', ['2027-01-01']],
    ['2027年1月1日', ['2027-01-01']],
    ['1月1日', ['2027-01-01']],
    [
      '2月6日至12日',
      ['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
    ],
    ['4月30日至5月2日', ['2027-04-30', '2027-05-01', '2027-05-02']],
    ['2027-10-01~2027-10-03', ['2027-10-01', '2027-10-02', '2027-10-03']],
    ['1月1日（星期五）、1月2日，1月1日', ['2027-01-01', '2027-01-02']],
  ])('[LAW-8] %s', (text, dates) => {
    expect(parseDateList(text, 2027)).toEqual({ dates, problems: [] });
  });

  it('[LAW-8] what is not a date of the year is said in words, not dropped', () => {
    const parsed = parseDateList('2月30日\n2026年12月31日\n2月12日至6日\n春节', 2027);
    expect(parsed.dates).toEqual([]);
    expect(parsed.problems).toEqual([
      expect.stringContaining('“2月30日”不是日期'),
      '“2026年12月31日”不在 2027 年',
      '“2月12日至6日”的结束日期早于开始日期',
      expect.stringContaining('“春节”不是日期'),
    ]);
  });

  it('[LAW-8] runs of days read back as ranges', () => {
    expect(describeDates(parseDateList('1月1日\n2月6日至12日\n4月30日至5月2日', 2027).dates)).toBe(
      '1月1日、2月6日至12日、4月30日至5月2日',
    );
  });
});
