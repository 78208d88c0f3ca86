import * as z from 'zod';
import { Forbidden, RuleViolation } from '#shared/kernel/errors.ts';

/**
 * The roles an agency's administrator may give (ORG-5): those of an agency's staff, and
 * `supervisor` in an agency that is a supervisory body (some agency's `supervisedBy` names it,
 * checked against the data when the account is written). `platform-admin` and `calendar-admin`
 * belong to the platform and are not given here.
 */
export const ASSIGNABLE_ROLES = [
  'officer',
  'unit-head',
  'reviewer',
  'leader',
  'admin',
  'supervisor',
] as const;
export const AssignableRole = z.enum(ASSIGNABLE_ROLES, {
  error: '角色须为执法人员、股室负责人、法制审核人员、机关负责人、系统管理员或执法监督人员',
});
export type AssignableRole = z.infer<typeof AssignableRole>;

/** What people call the roles: the console's labels and the import's 角色 column. */
export const roleLabels: Record<AssignableRole, string> = {
  officer: '执法人员',
  'unit-head': '股室负责人',
  reviewer: '法制审核人员',
  leader: '机关负责人',
  admin: '系统管理员',
  supervisor: '执法监督人员',
};

const CertificateNo = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .transform((value) => value.toUpperCase());

/** `PUT /v1/users/{userId}`: what an administrator keeps of a staff account. */
export const AccountInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  unitId: z.string().trim().min(1).max(64),
  roles: z
    .array(AssignableRole)
    .min(1, { error: '至少选择一个角色' })
    .max(ASSIGNABLE_ROLES.length)
    .refine((roles) => new Set(roles).size === roles.length, { error: '角色不能重复' }),
  /** The law-enforcement certificate (执法证) the account acts under: a registered officer of the agency. */
  officerCertificateNo: CertificateNo.optional(),
});
export type AccountInput = z.infer<typeof AccountInput>;

/** `POST /v1/users`: an account, and where its holder is told how to sign in first. */
export const NewAccountInput = AccountInput.extend({
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9]{6,20}$/, { error: '手机号码格式不正确' })
    .optional(),
  email: z.email({ error: '电子邮箱格式不正确' }).max(254).optional(),
});
export type NewAccountInput = z.infer<typeof NewAccountInput>;

export type AccountStatus = 'active' | 'disabled';

export interface Account extends NewAccountInput {
  userId: string;
  agencyId: string;
  status: AccountStatus;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  disabledAt?: string;
  version: number;
}

/** What an entry of the account log says was done. */
export type AccountChange = 'created' | 'updated' | 'disabled';

/** The identity's own fields the log records before and after a change. */
export const loggedFields = (account: Account) => ({
  name: account.name,
  unitId: account.unitId,
  roles: account.roles,
  ...(account.officerCertificateNo ? { officerCertificateNo: account.officerCertificateNo } : {}),
  status: account.status,
});

/**
 * An administrator cannot raise themselves (ORG-5): their own account's roles stay as another
 * administrator set them, and they cannot disable their own account (someone must remain).
 */
export function assertNotOwnRoles(actorSub: string, account: Account, roles: readonly string[]): void {
  if (actorSub !== account.userId) return;
  const same =
    roles.length === account.roles.length &&
    roles.every((role) => account.roles.includes(role as AssignableRole));
  if (!same) {
    throw new Forbidden('不能修改本人账号的角色：请由本机关另一名管理员办理');
  }
}

/** A disabled account stays as it was when disabled: its log ends there. */
export function assertActive(account: Account): void {
  if (account.status === 'disabled') {
    throw new RuleViolation('ACCOUNT_NOT_ACTIVE', '该账号已停用，不能再修改', [
      { path: 'userId', message: '账号已停用' },
    ]);
  }
}

export function assertMayDisable(actorSub: string, account: Account): void {
  if (actorSub === account.userId) throw new Forbidden('不能停用本人账号：请由本机关另一名管理员办理');
  assertActive(account);
}
