import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  type AdminGetUserCommandOutput,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  type AttributeType,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { Conflict } from '#shared/kernel/errors.ts';
import { Role } from '#shared/kernel/principal.ts';
import type { IdentityProvider, Login, StoredLogin } from '#shared/organisation/store/identity.ts';

/** Cognito wants phone numbers in E.164; agencies write mainland numbers without the +86. */
const e164 = (phone: string) => (phone.startsWith('+') ? phone : `+86${phone}`);

/**
 * The attributes an administrator sets and the user cannot (the app client has no write
 * attributes; `custom:agencyId` is immutable): the claims of the ID token.
 */
function attributesOf(login: Login): AttributeType[] {
  return [
    { Name: 'name', Value: login.name },
    ...(login.unitId ? [{ Name: 'custom:unitId', Value: login.unitId }] : []),
    ...(login.officerCertificateNo
      ? [{ Name: 'custom:certificateNo', Value: login.officerCertificateNo }]
      : []),
  ];
}

const errorName = (error: unknown) => (error as { name?: string } | undefined)?.name;

/**
 * The identity port on a Cognito user pool (ORG-5): the username is the account's user id,
 * groups are the roles, and the agency, unit and certificate are custom attributes. The accounts
 * function is granted exactly the cognito-idp actions used here, on this pool.
 */
export class CognitoIdentity implements IdentityProvider {
  readonly #client: CognitoIdentityProviderClient;
  readonly #pool: string;

  constructor(client: CognitoIdentityProviderClient, userPoolId: string) {
    this.#client = client;
    this.#pool = userPoolId;
  }

  async create(login: Login): Promise<void> {
    try {
      await this.#client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.#pool,
          Username: login.userId,
          UserAttributes: [
            ...attributesOf(login),
            { Name: 'custom:agencyId', Value: login.agencyId },
            ...(login.email
              ? [
                  { Name: 'email', Value: login.email },
                  { Name: 'email_verified', Value: 'true' },
                ]
              : []),
            ...(login.phone
              ? [
                  { Name: 'phone_number', Value: e164(login.phone) },
                  { Name: 'phone_number_verified', Value: 'true' },
                ]
              : []),
          ],
          // Cognito sends the temporary password where the holder can be reached.
          DesiredDeliveryMediums: [
            ...(login.email ? ['EMAIL' as const] : []),
            ...(login.phone ? ['SMS' as const] : []),
          ],
        }),
      );
    } catch (error) {
      if (errorName(error) === 'UsernameExistsException') {
        throw new Conflict('该账号已存在', [{ path: 'userId', message: '账号已存在' }]);
      }
      throw error;
    }
    for (const role of login.roles) await this.#group('add', login.userId, role);
  }

  async update(before: Login, after: Login): Promise<void> {
    await this.#client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: this.#pool,
        Username: after.userId,
        UserAttributes: attributesOf(after),
      }),
    );
    if (before.officerCertificateNo && !after.officerCertificateNo) {
      await this.#client.send(
        new AdminDeleteUserAttributesCommand({
          UserPoolId: this.#pool,
          Username: after.userId,
          UserAttributeNames: ['custom:certificateNo'],
        }),
      );
    }
    for (const role of after.roles.filter((role) => !before.roles.includes(role))) {
      await this.#group('add', after.userId, role);
    }
    for (const role of before.roles.filter((role) => !after.roles.includes(role))) {
      await this.#group('remove', after.userId, role);
    }
  }

  async disable(login: Login): Promise<void> {
    await this.#client.send(new AdminDisableUserCommand({ UserPoolId: this.#pool, Username: login.userId }));
    // Its refresh tokens stop working too; the tokens already issued are refused by the API.
    await this.#client.send(
      new AdminUserGlobalSignOutCommand({ UserPoolId: this.#pool, Username: login.userId }),
    );
  }

  async get(agencyId: string, userId: string): Promise<StoredLogin | undefined> {
    let user: AdminGetUserCommandOutput;
    try {
      user = await this.#client.send(new AdminGetUserCommand({ UserPoolId: this.#pool, Username: userId }));
    } catch (error) {
      if (errorName(error) === 'UserNotFoundException') return undefined;
      throw error;
    }
    const attribute = (name: string) => user.UserAttributes?.find((each) => each.Name === name)?.Value;
    if (attribute('custom:agencyId') !== agencyId) return undefined;
    const { Groups = [] } = await this.#client.send(
      new AdminListGroupsForUserCommand({ UserPoolId: this.#pool, Username: userId, Limit: 60 }),
    );
    const unitId = attribute('custom:unitId');
    const officerCertificateNo = attribute('custom:certificateNo');
    const email = attribute('email');
    const phone = attribute('phone_number');
    return {
      userId,
      agencyId,
      name: attribute('name') ?? userId,
      roles: Groups.map((group) => group.GroupName ?? '').filter(
        (name): name is Role => Role.safeParse(name).success,
      ),
      ...(unitId ? { unitId } : {}),
      ...(officerCertificateNo ? { officerCertificateNo } : {}),
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
      enabled: user.Enabled ?? false,
    };
  }

  async #group(change: 'add' | 'remove', userId: string, role: string): Promise<void> {
    const input = { UserPoolId: this.#pool, Username: userId, GroupName: role };
    await this.#client.send(
      change === 'add' ? new AdminAddUserToGroupCommand(input) : new AdminRemoveUserFromGroupCommand(input),
    );
  }
}
