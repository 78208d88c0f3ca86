import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  type AttributeType,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { ROLES } from '#shared/kernel/principal.ts';
import { CognitoIdentity } from '#shared/organisation/store/cognito-identity.ts';
import { identityContract } from '#test/contracts/identity.ts';

const POOL = 'cn-north-1_TestPool';
/** The pool's attributes (infra/stacks/stateful-stack.ts): standard ones and the declared custom ones. */
const WRITABLE = new Set([
  'name',
  'email',
  'email_verified',
  'phone_number',
  'phone_number_verified',
  'custom:unitId',
  'custom:certificateNo',
  'custom:supervises',
]);
const IMMUTABLE = new Set(['custom:agencyId']);

interface PoolUser {
  attributes: Map<string, string>;
  groups: Set<string>;
  enabled: boolean;
  signedOut: number;
}

/**
 * A user pool as Cognito's API reference describes the admin actions the platform uses:
 * UsernameExistsException and UserNotFoundException, groups that must exist, immutable custom
 * attributes that only AdminCreateUser may set, E.164 phone numbers.
 */
function userPool() {
  const users = new Map<string, PoolUser>();
  const mock = mockClient(CognitoIdentityProviderClient);
  const fail = (name: string) => Object.assign(new Error(name), { name });
  const user = (input: { UserPoolId?: string; Username?: string }) => {
    if (input.UserPoolId !== POOL) throw fail('ResourceNotFoundException');
    const found = users.get(input.Username ?? '');
    if (!found) throw fail('UserNotFoundException');
    return found;
  };
  const checkAttributes = (attributes: AttributeType[] = [], creating: boolean) => {
    for (const { Name = '', Value = '' } of attributes) {
      if (!WRITABLE.has(Name) && !(creating && IMMUTABLE.has(Name))) throw fail('InvalidParameterException');
      if (Name === 'phone_number' && !/^\+[0-9]{6,15}$/.test(Value)) throw fail('InvalidParameterException');
    }
  };
  const group = (name: string | undefined) => {
    if (!(ROLES as readonly string[]).includes(name ?? '')) throw fail('ResourceNotFoundException');
    return name as string;
  };
  mock.on(AdminCreateUserCommand).callsFake((input) => {
    if (input.UserPoolId !== POOL) throw fail('ResourceNotFoundException');
    if (users.has(input.Username)) throw fail('UsernameExistsException');
    checkAttributes(input.UserAttributes, true);
    users.set(input.Username, {
      attributes: new Map((input.UserAttributes ?? []).map((a: AttributeType) => [a.Name, a.Value])),
      groups: new Set(),
      enabled: true,
      signedOut: 0,
    });
    return { User: { Username: input.Username, Enabled: true } };
  });
  mock.on(AdminUpdateUserAttributesCommand).callsFake((input) => {
    const found = user(input);
    checkAttributes(input.UserAttributes, false);
    for (const { Name, Value } of input.UserAttributes) found.attributes.set(Name, Value);
    return {};
  });
  mock.on(AdminDeleteUserAttributesCommand).callsFake((input) => {
    const found = user(input);
    for (const name of input.UserAttributeNames) found.attributes.delete(name);
    return {};
  });
  mock.on(AdminAddUserToGroupCommand).callsFake((input) => {
    user(input).groups.add(group(input.GroupName));
    return {};
  });
  mock.on(AdminRemoveUserFromGroupCommand).callsFake((input) => {
    user(input).groups.delete(group(input.GroupName));
    return {};
  });
  mock.on(AdminDisableUserCommand).callsFake((input) => {
    user(input).enabled = false;
    return {};
  });
  mock.on(AdminUserGlobalSignOutCommand).callsFake((input) => {
    user(input).signedOut += 1;
    return {};
  });
  mock.on(AdminGetUserCommand).callsFake((input) => {
    const found = user(input);
    return {
      Username: input.Username,
      Enabled: found.enabled,
      UserAttributes: [...found.attributes].map(([Name, Value]) => ({ Name, Value })),
    };
  });
  mock.on(AdminListGroupsForUserCommand).callsFake((input) => ({
    Groups: [...user(input).groups].map((GroupName) => ({ GroupName })),
  }));
  return { mock, users };
}

const pool = userPool();
const identity = new CognitoIdentity(new CognitoIdentityProviderClient({ region: 'cn-north-1' }), POOL);

identityContract('Cognito (aws-sdk-client-mock)', () => identity);

describe('the Cognito identity port asks what Cognito documents', () => {
  it('[ORG-5] a new account: AdminCreateUser with the custom attributes and an E.164 phone, a group per role', async () => {
    pool.mock.resetHistory();
    await identity.create({
      userId: 'u-shape',
      agencyId: 'changning-scjgj',
      name: '周晓燕',
      unitId: 'zfj',
      roles: ['officer', 'unit-head'],
      officerCertificateNo: 'YN-CN-SC-0001',
      phone: '13800000000',
    });
    const [created] = pool.mock.commandCalls(AdminCreateUserCommand);
    expect(created?.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: 'u-shape',
      UserAttributes: expect.arrayContaining([
        { Name: 'custom:agencyId', Value: 'changning-scjgj' },
        { Name: 'custom:unitId', Value: 'zfj' },
        { Name: 'custom:certificateNo', Value: 'YN-CN-SC-0001' },
        { Name: 'phone_number', Value: '+8613800000000' },
        { Name: 'name', Value: '周晓燕' },
      ]),
      DesiredDeliveryMediums: ['SMS'],
    });
    expect(
      pool.mock.commandCalls(AdminAddUserToGroupCommand).map((call) => call.args[0].input.GroupName),
    ).toEqual(['officer', 'unit-head']);
  });

  it('[ORG-5] an update never writes the agency (immutable); a disable also signs the user out everywhere', async () => {
    pool.mock.resetHistory();
    const before = {
      userId: 'u-shape',
      agencyId: 'changning-scjgj',
      name: '周晓燕',
      unitId: 'zfj',
      roles: ['officer' as const],
    };
    await identity.update(before, { ...before, unitId: 'bgs' });
    const written = pool.mock
      .commandCalls(AdminUpdateUserAttributesCommand)
      .flatMap((call) => call.args[0].input.UserAttributes?.map((attribute) => attribute.Name));
    expect(written).not.toContain('custom:agencyId');
    await identity.disable(before);
    expect(pool.mock.commandCalls(AdminDisableUserCommand)).toHaveLength(1);
    expect(pool.users.get('u-shape')?.signedOut).toBe(1);
  });
});
