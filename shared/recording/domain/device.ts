import * as z from 'zod';
import { DEVICE_KINDS } from '#shared/recording/domain/device-kinds.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);

/**
 * A registered recording device (REC-10): the unit that holds it, its custodian and who may use
 * it. Evidence names its device; evidence from a device that is not registered is flagged.
 */
export const DeviceInput = z.strictObject({
  /** The device's own identifier as it writes it into its files (serial number, asset tag). */
  deviceId: Text(100),
  kind: z.enum(DEVICE_KINDS),
  unitId: Text(64),
  model: Text(100).optional(),
  /** The account responsible for its custody (保管人). */
  custodian: Text(128),
  /** Accounts allowed to record with it; anyone of the unit when absent. */
  users: z.array(Text(128)).max(200).optional(),
  /** Where it is kept, charged and its files offloaded. */
  storagePlace: Text(200).optional(),
  status: z.enum(['in-service', 'retired']).optional(),
});
export type DeviceInput = z.infer<typeof DeviceInput>;

export interface Device extends DeviceInput {
  agencyId: string;
  registeredAt: string;
  registeredBy: string;
  updatedAt: string;
}
