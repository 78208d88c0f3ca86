import * as z from 'zod';
import { Account, AccountLog, AccountPage, ImportedAccounts } from '#functions/responses/accounts.ts';
import { defineRoute, IdParam, standardErrors } from '#shared/http/route.ts';
import { PageQuery } from '#shared/kernel/store/pagination.ts';
import { AccountInput, NewAccountInput } from '#shared/organisation/domain/account.ts';

/** The agency's own administrator, for the agency's own accounts only (ORG-5). */
const admin = ['admin'] as const;
const UserParams = z.object({ userId: IdParam });

/** The routes of `functions/accounts/`: staff accounts, kept in the identity service (ORG-5). */
export const accountsRoutes = {
  listUsers: defineRoute({
    method: 'GET',
    path: '/v1/users',
    handler: 'accounts/list-users',
    access: admin,
    summary: '本机关的账号（分页）',
    query: z.object(PageQuery),
    responses: { 200: { schema: AccountPage, description: '{items, nextCursor?}' }, ...standardErrors },
  }),
  createUser: defineRoute({
    method: 'POST',
    path: '/v1/users',
    handler: 'accounts/create-user',
    access: admin,
    summary: '新建本机关工作人员账号',
    body: NewAccountInput,
    responses: { 201: { schema: Account, description: 'the account' }, ...standardErrors },
    idempotent: true,
    journals: true,
    managesIdentities: true,
  }),
  importUsers: defineRoute({
    method: 'POST',
    path: '/v1/users/import',
    handler: 'accounts/import-users',
    access: admin,
    summary: '从 xlsx 或 CSV 人员名单批量新建账号；有任何错误行则不导入',
    body: z.strictObject({
      format: z.enum(['xlsx', 'csv']),
      // Lambda takes 6 MB of request: 5 MiB of base64 (3.75 MiB of file) leaves room for the rest.
      content: z.base64().max(5 * 1024 * 1024, '文件过大：导入的表格不得超过 3.75 MB'),
    }),
    responses: {
      201: { schema: ImportedAccounts, description: '{items}: the accounts created' },
      ...standardErrors,
    },
    idempotent: true,
    journals: true,
    managesIdentities: true,
  }),
  userLog: defineRoute({
    method: 'GET',
    path: '/v1/users/log',
    handler: 'accounts/user-log',
    access: admin,
    summary: '账号变更记录：谁在何时改了什么（哈希链，只增不改）',
    query: z.object(PageQuery),
    responses: {
      200: { schema: AccountLog, description: '{items, nextCursor?, head}, newest first' },
      ...standardErrors,
    },
  }),
  updateUser: defineRoute({
    method: 'PUT',
    path: '/v1/users/{userId}',
    handler: 'accounts/update-user',
    access: admin,
    summary: '修改账号的姓名、股室、角色和执法证号（不能修改本人的角色）',
    params: UserParams,
    body: AccountInput,
    responses: {
      200: { schema: Account, description: 'the account' },
      ...standardErrors,
      409: { description: 'CONFLICT' },
      422: { description: 'ACCOUNT_NOT_ACTIVE' },
    },
    journals: true,
    managesIdentities: true,
  }),
  disableUser: defineRoute({
    method: 'POST',
    path: '/v1/users/{userId}/disable',
    handler: 'accounts/disable-user',
    access: admin,
    summary: '停用账号：其令牌即刻失效（ACCOUNT_DISABLED）',
    params: UserParams,
    responses: {
      200: { schema: Account, description: 'the account, disabled' },
      ...standardErrors,
      422: { description: 'ACCOUNT_NOT_ACTIVE' },
    },
    journals: true,
    managesIdentities: true,
  }),
};
