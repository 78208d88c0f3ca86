import { describe, expect, it } from 'vitest';
import { addCalendarMonths } from '#shared/dates.ts';

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
