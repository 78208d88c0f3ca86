import { describe, expect, it } from 'vitest';
import { saveAgencyProfile } from '#shared/organisation/use-cases/agency.ts';
import type { DeviceInput } from '#shared/recording/domain/device.ts';
import { deviceRegistered, registerDevice } from '#shared/recording/use-cases/devices.ts';
import { AGENCY, cast, DEVICE, person, tick, UNIT, unitBureau } from '#test/helpers/unit-case.ts';

const camera = (deviceId: string, unitId = UNIT): DeviceInput => ({
  deviceId,
  kind: 'body-camera',
  unitId,
  custodian: cast.handler.sub,
});

/** The head of the bureau's other unit (社会组织管理股). */
const otherHead = person('head-zhao', ['unit-head'], 'shzzg');

describe('recording devices, without a database', () => {
  it('[REC-10] a unit head registers their own unit’s devices, in service unless said otherwise', async () => {
    const world = await unitBureau();
    const device = await registerDevice(world.ports, cast.head, camera('DSJ-CN-0002'));
    expect(device).toEqual({
      ...camera('DSJ-CN-0002'),
      status: 'in-service',
      agencyId: AGENCY,
      registeredAt: world.clock.now().toISOString(),
      registeredBy: cast.head.sub,
      updatedAt: world.clock.now().toISOString(),
    });
    expect(await world.ports.devices.get(AGENCY, 'DSJ-CN-0002')).toEqual(device);
    expect(await deviceRegistered(world.ports, AGENCY, 'DSJ-CN-0002')).toBe(true);
  });

  it('[REC-10] nobody but an administrator registers or takes over another unit’s device', async () => {
    const world = await unitBureau();
    // Another unit's head, for a device of this unit; an officer, for their own unit's.
    for (const [principal, input] of [
      [otherHead, camera('DSJ-CN-0003')],
      [cast.handler, camera('DSJ-CN-0003')],
      [cast.reviewer, camera('DSJ-CN-0003', cast.reviewer.unitId)],
    ] as const)
      await expect(registerDevice(world.ports, principal, input)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    // The bureau's body camera belongs to 社会事务股: the other head cannot move it to their unit.
    await expect(
      registerDevice(world.ports, otherHead, camera(DEVICE, otherHead.unitId)),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await world.ports.devices.get(AGENCY, 'DSJ-CN-0003')).toBeUndefined();
    expect((await world.ports.devices.get(AGENCY, DEVICE))?.unitId).toBe(UNIT);
    expect(await deviceRegistered(world.ports, AGENCY, 'DSJ-CN-0003')).toBe(false);
  });

  it('[REC-10] an update keeps who registered the device and when; a retired device no longer counts as registered', async () => {
    const world = await unitBureau();
    const registered = await world.ports.devices.get(AGENCY, DEVICE);
    const later = tick(world, 60);
    // An administrator moves it to the other unit, then its head retires it.
    const moved = await registerDevice(world.ports, cast.admin, camera(DEVICE, otherHead.unitId));
    expect(moved).toMatchObject({
      unitId: otherHead.unitId,
      registeredAt: registered?.registeredAt,
      registeredBy: registered?.registeredBy,
      updatedAt: later,
    });
    const retired = await registerDevice(world.ports, otherHead, {
      ...camera(DEVICE, otherHead.unitId),
      status: 'retired',
    });
    expect(retired).toMatchObject({ status: 'retired', registeredBy: registered?.registeredBy });
    expect(await deviceRegistered(world.ports, AGENCY, DEVICE)).toBe(false);
    // A device is registered for its own agency only.
    expect(await deviceRegistered(world.ports, 'another-bureau', 'DSJ-CN-0004')).toBe(false);
    await registerDevice(world.ports, cast.admin, camera('DSJ-CN-0004'));
    expect(await deviceRegistered(world.ports, 'another-bureau', 'DSJ-CN-0004')).toBe(false);
  });
});

describe('the agency profile, without a database', () => {
  it('is saved whole, for the administrator’s own agency, with who saved it and when', async () => {
    const world = await unitBureau();
    const before = await world.ports.agencies.get(AGENCY);
    const later = tick(world, 30);
    const input = {
      name: '昌宁县民政局',
      region: '云南省保山市昌宁县',
      documentPrefix: '昌民',
      units: [{ id: UNIT, name: '社会事务股' }],
    };
    const saved = await saveAgencyProfile(world.ports, cast.admin, input);
    expect(saved).toEqual({ ...input, agencyId: AGENCY, updatedAt: later, updatedBy: cast.admin.sub });
    expect(await world.ports.agencies.get(AGENCY)).toEqual(saved);
    // Whole: the units left out are gone.
    expect(before?.units.length).toBeGreaterThan(saved.units.length);
    // The agency is the principal's, whatever another agency's administrator sends.
    const stranger = { ...cast.admin, sub: 'admin-yd', agencyId: 'yongde-mzj' };
    await saveAgencyProfile(world.ports, stranger, { ...input, name: '永德县民政局' });
    expect(await world.ports.agencies.get(AGENCY)).toEqual(saved);
    expect((await world.ports.agencies.get('yongde-mzj'))?.name).toBe('永德县民政局');
  });
});
