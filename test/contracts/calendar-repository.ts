import { describe, expect, it } from 'vitest';
import type { YearCalendar } from '#shared/kernel/calendar.ts';
import { Conflict } from '#shared/kernel/errors.ts';
import type { CalendarRepository } from '#shared/kernel/store/calendar-repository.ts';
import type { Port } from '#shared/kernel/store/port.ts';

/** A year no other test loads: calendars are shared by every agency. */
const freshYear = () => 3000 + Math.floor(Math.random() * 5000);

const year = (value: number, version: number): YearCalendar => ({
  year: value,
  holidays: [`${value}-01-01`],
  workdays: [],
  source: '测试',
  loadedBy: 'calendar-admin',
  loadedAt: '2026-12-01T00:00:00.000Z',
  version,
});

/** What every calendar store keeps: a year once, then each new version only from the one read. */
export function calendarRepositoryContract(name: string, repository: Port<CalendarRepository>): void {
  describe(`calendar repository: ${name}`, () => {
    it('[LAW-8] stores a year once, then a new version only over the version it read', async () => {
      const value = freshYear();
      expect(await repository.get(value)).toBeUndefined();
      await repository.put(year(value, 1), undefined);
      await expect(repository.put(year(value, 1), undefined)).rejects.toBeInstanceOf(Conflict);
      await repository.put(year(value, 2), 1);
      await expect(repository.put(year(value, 3), 1)).rejects.toBeInstanceOf(Conflict);
      expect((await repository.get(value))?.version).toBe(2);
    });
  });
}
