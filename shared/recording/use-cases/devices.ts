import { Forbidden } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import type { Device, DeviceInput } from '#shared/recording/domain/device.ts';
import type { DeviceRepository } from '#shared/recording/store/device-repository.ts';

export interface DevicePorts {
  devices: Port<DeviceRepository>;
  now: () => Date;
}

/**
 * Registers or updates a recording device (REC-10). A unit head registers their own unit's
 * devices; an administrator any unit's.
 */
export async function registerDevice(
  ports: DevicePorts,
  principal: Principal,
  input: DeviceInput,
): Promise<Device> {
  const mayRegister =
    principal.roles.includes('admin') ||
    (principal.roles.includes('unit-head') && principal.unitId === input.unitId);
  if (!mayRegister) throw new Forbidden('股室负责人只能登记本股室的执法记录设备');
  const existing = await ports.devices.get(principal.agencyId, input.deviceId);
  if (existing && !principal.roles.includes('admin') && existing.unitId !== principal.unitId)
    throw new Forbidden('该设备登记在其他股室，只有管理员可以变更');
  const now = ports.now().toISOString();
  const device: Device = {
    ...input,
    status: input.status ?? 'in-service',
    agencyId: principal.agencyId,
    registeredAt: existing?.registeredAt ?? now,
    registeredBy: existing?.registeredBy ?? principal.sub,
    updatedAt: now,
  };
  await ports.devices.put(device);
  return device;
}

/** Whether evidence from this device comes from a registered device in service (REC-10). */
export async function deviceRegistered(
  ports: DevicePorts,
  agencyId: string,
  deviceId: string,
): Promise<boolean> {
  const device = await ports.devices.get(agencyId, deviceId);
  return device !== undefined && device.status !== 'retired';
}
