import { describe, expect, it } from 'vitest';
import { CalendarNotConfirmed } from '#shared/kernel/calendar.ts';
import { Conflict } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import { type CalendarPorts, deadline, heldDeadline, loadYear } from '#shared/kernel/use-cases/calendar.ts';
import { calendarRepositoryContract } from '#test/contracts/calendar-repository.ts';
import { InMemoryCalendars, testClock } from '#test/fakes/in-memory-stores.ts';

calendarRepositoryContract('in memory', new InMemoryCalendars());

const calendarAdmin: Principal = {
  sub: 'justice-dept',
  name: '司法厅',
  agencyId: 'province',
  roles: ['calendar-admin'],
};
const ports = (): CalendarPorts => ({
  calendars: new InMemoryCalendars(),
  now: testClock('2026-12-02T02:00:00.000Z').now,
});

describe('working-day deadlines, without a database', () => {
  it('[PUB-9] [LAW-8] seven working days from 28 September 2026 skip the National Day holiday', async () => {
    expect((await deadline(ports(), '2026-09-28', 7)).dueBy).toBe('2026-10-13');
  });

  it('[LAW-8] a count into a year with no confirmed calendar is held, never guessed; loaded, it is computed', async () => {
    const world = ports();
    await expect(deadline(world, '2026-12-28', 7)).rejects.toBeInstanceOf(CalendarNotConfirmed);
    expect(await heldDeadline(world, '2026-12-28', 7)).toEqual({ dueBy: null, calendarVersions: {} });
    await loadYear(world, calendarAdmin, 2027, { holidays: ['2027-01-01'], workdays: [] });
    const due = await deadline(world, '2026-12-28', 7);
    expect(due.dueBy).toBe('2027-01-07');
    expect(due.calendarVersions).toMatchObject({ 2027: 1 });
  });

  it('[LAW-8] a loaded year takes precedence over the bundled one, each load a new version from the one read', async () => {
    const world = ports();
    const bundled = await deadline(world, '2026-09-28', 7);
    const loaded = await loadYear(world, calendarAdmin, 2026, {
      holidays: [
        '2026-10-01',
        '2026-10-02',
        '2026-10-05',
        '2026-10-06',
        '2026-10-07',
        '2026-10-08',
        '2026-09-30',
      ],
      workdays: ['2026-09-27', '2026-10-10'],
    });
    expect(loaded.version).toBeGreaterThan(0);
    const after = await deadline(world, '2026-09-28', 7);
    expect(after.dueBy).not.toBe(bundled.dueBy);
    expect(after.calendarVersions[2026]).toBe(loaded.version);
    const reloaded = await loadYear(world, calendarAdmin, 2026, { holidays: [], workdays: [] });
    expect(reloaded.version).toBe(loaded.version + 1);
    await expect(
      world.calendars.put({ ...reloaded, version: reloaded.version + 1 }, loaded.version),
    ).rejects.toBeInstanceOf(Conflict);
  });
});
