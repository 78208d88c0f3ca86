import { describe, expect, it } from 'vitest';
import { dateReading, readBeijingTime, readDate, timeReading, typedBeijingTime } from '../src/typed-dates.ts';

describe('dates and times as staff type them', () => {
  it.each([
    ['2026-12-07', '2026-12-07'],
    ['2026-12-7', '2026-12-07'],
    ['2026/12/7', '2026-12-07'],
    ['2026.12.07', '2026-12-07'],
    ['2026年12月7日', '2026-12-07'],
    [' 2026 年 12 月 7 日 ', '2026-12-07'],
    ['20261207', '2026-12-07'],
    ['2026-02-30', undefined],
    ['12/07/2026', undefined],
    ['明天', undefined],
    ['', undefined],
  ])('reads the date %j as %j', (text, expected) => {
    expect(readDate(text)).toBe(expected);
  });

  it.each([
    ['2026-12-07 09:30', '2026-12-07T01:30:00.000Z'],
    ['2026-12-07T09:30:15', '2026-12-07T01:30:15.000Z'],
    ['2026年12月7日 9时30分', '2026-12-07T01:30:00.000Z'],
    ['2026年12月7日9:30', '2026-12-07T01:30:00.000Z'],
    ['2026/12/7 0:05', '2026-12-06T16:05:00.000Z'],
    ['2026-12-07T01:30:00.000Z', '2026-12-07T01:30:00.000Z'],
    ['2026-12-07T09:30:00+08:00', '2026-12-07T01:30:00.000Z'],
    ['2026-12-07 24:00', undefined],
    ['2026-12-07 09:60', undefined],
    ['2026-12-07', undefined],
    ['09:30', undefined],
  ])('reads the time %j as Beijing time, %j', (text, expected) => {
    expect(readBeijingTime(text)).toBe(expected);
  });

  it('types an instant back in Beijing time, and the reading says it in words', () => {
    expect(typedBeijingTime('2026-12-06T16:05:00.000Z')).toBe('2026-12-07 00:05:00');
    expect(readBeijingTime(typedBeijingTime('2026-12-06T16:05:00.000Z'))).toBe('2026-12-06T16:05:00.000Z');
    expect(dateReading('2026/12/7')).toBe('2026年12月7日 星期一');
    expect(timeReading('2026-12-07 9:30')).toBe('2026年12月7日 星期一 09:30:00（北京时间）');
    expect(dateReading('2026-13-01')).toBeUndefined();
  });
});
