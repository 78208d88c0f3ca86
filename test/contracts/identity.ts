import { describe, expect, it } from 'vitest';
import { Conflict } from '#shared/kernel/errors.ts';
import type { IdentityProvider, Login } from '#shared/organisation/store/identity.ts';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

const login = (overrides: Partial<Login> = {}): Login => ({
  userId: `u-${unique()}`,
  agencyId: `contract-${unique()}`,
  name: '王秀兰',
  unitId: 'shswg',
  roles: ['officer'],
  officerCertificateNo: 'YN-CN-MZ-0002',
  phone: '13800000000',
  ...overrides,
});

/**
 * What every identity port keeps (ORG-5): the local identity store (test/integration, on
 * DynamoDB Local) and Cognito (test/unit, on aws-sdk-client-mock), so the one the tests use
 * cannot drift from the one AWS runs.
 */
export function identityContract(name: string, identity: () => IdentityProvider): void {
  describe(`identity port: ${name}`, () => {
    it('[ORG-5] a created identity is enabled, with its agency, unit, certificate and roles', async () => {
      const created = login({ roles: ['officer', 'unit-head'] });
      await identity().create(created);
      expect(await identity().get(created.agencyId, created.userId)).toMatchObject({
        userId: created.userId,
        agencyId: created.agencyId,
        name: '王秀兰',
        unitId: 'shswg',
        officerCertificateNo: 'YN-CN-MZ-0002',
        enabled: true,
      });
      expect((await identity().get(created.agencyId, created.userId))?.roles.sort()).toEqual([
        'officer',
        'unit-head',
      ]);
    });

    it('[ORG-5] a user id is taken once: a second identity of the same id is a Conflict', async () => {
      const created = login();
      await identity().create(created);
      await expect(identity().create({ ...created, name: '别人' })).rejects.toBeInstanceOf(Conflict);
      expect((await identity().get(created.agencyId, created.userId))?.name).toBe('王秀兰');
    });

    it('[ORG-5] an update sets name, unit and roles, takes away the roles not named and the certificate', async () => {
      const before = login({ roles: ['officer', 'unit-head'] });
      await identity().create(before);
      const { officerCertificateNo: _gone, ...rest } = before;
      const after: Login = {
        ...rest,
        name: '王秀兰（调岗）',
        unitId: 'shzzg',
        roles: ['reviewer', 'officer'],
      };
      await identity().update(before, after);
      const stored = await identity().get(before.agencyId, before.userId);
      expect(stored).toMatchObject({ name: '王秀兰（调岗）', unitId: 'shzzg', enabled: true });
      expect(stored?.roles.sort()).toEqual(['officer', 'reviewer']);
      expect(stored?.officerCertificateNo).toBeUndefined();
    });

    it('[ORG-5] a disabled identity stays, disabled', async () => {
      const created = login();
      await identity().create(created);
      await identity().disable(created);
      expect(await identity().get(created.agencyId, created.userId)).toMatchObject({ enabled: false });
    });

    it('[ORG-5] an identity is found only in its own agency', async () => {
      const created = login();
      await identity().create(created);
      expect(await identity().get(`contract-${unique()}`, created.userId)).toBeUndefined();
      expect(await identity().get(created.agencyId, `u-${unique()}`)).toBeUndefined();
    });
  });
}
