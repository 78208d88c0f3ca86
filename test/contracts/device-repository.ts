import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import type { Port } from '#shared/kernel/store/port.ts';
import type { Device } from '#shared/recording/domain/device.ts';
import type { DeviceRepository } from '#shared/recording/store/device-repository.ts';

const newAgencyId = () => `contract-${ulid().toLowerCase()}`;

const device = (agencyId: string, deviceId: string, overrides: Partial<Device> = {}): Device => ({
  deviceId,
  kind: 'body-camera',
  unitId: 'shswg',
  custodian: 'custodian',
  status: 'in-service',
  agencyId,
  registeredAt: '2026-03-02T02:00:00.000Z',
  registeredBy: 'unit-head',
  updatedAt: '2026-03-02T02:00:00.000Z',
  ...overrides,
});

/**
 * What every recording-device store keeps (REC-10): a device is one record under its agency,
 * read by its own id and replaced whole when registered again; an agency's devices are listed
 * whole, in the order of their ids as DynamoDB sorts keys, and no other agency's.
 */
export function deviceRepositoryContract(name: string, repository: Port<DeviceRepository>): void {
  describe(`device repository: ${name}`, () => {
    it('[REC-10] a device is read by its id under its agency, and registered again it is replaced whole', async () => {
      const [a, b] = [newAgencyId(), newAgencyId()];
      const registered = device(a, 'DSJ-0001', { users: ['officer-1', 'officer-2'], storagePlace: '二楼' });
      await repository.put(registered);
      // Another agency may hold a device with the same serial number: it is another device.
      await repository.put(device(b, 'DSJ-0001', { unitId: 'shzzg' }));
      expect(await repository.get(a, 'DSJ-0001')).toEqual(registered);
      expect((await repository.get(b, 'DSJ-0001'))?.unitId).toBe('shzzg');
      expect(await repository.get(a, 'DSJ-0002')).toBeUndefined();

      // Moved to another unit and retired, without its users: nothing of the old record is kept.
      const moved = device(a, 'DSJ-0001', {
        unitId: 'shzzg',
        status: 'retired',
        updatedAt: '2026-04-01T02:00:00.000Z',
      });
      await repository.put(moved);
      expect(await repository.get(a, 'DSJ-0001')).toEqual(moved);
    });

    it('[REC-10] an agency’s devices are listed whole, in the order of their ids, and only its own', async () => {
      const [a, b] = [newAgencyId(), newAgencyId()];
      // Key order is by code point: capitals before small letters, `-` before digits.
      for (const deviceId of ['dsj-0001', 'DSJ-0002', 'A9', 'A10', 'A-1'])
        await repository.put(device(a, deviceId));
      await repository.put(device(b, 'B-0001'));
      const listed = await repository.list(a);
      expect(listed.map((item) => item.deviceId)).toEqual(['A-1', 'A10', 'A9', 'DSJ-0002', 'dsj-0001']);
      expect(listed[0]).toEqual(device(a, 'A-1'));
      expect((await repository.list(b)).map((item) => item.deviceId)).toEqual(['B-0001']);
      expect(await repository.list(newAgencyId())).toEqual([]);
    });
  });
}
