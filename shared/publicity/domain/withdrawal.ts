/**
 * Why a published decision is withdrawn (PUB-11): the kinds of revocation, with the words the
 * public notice and the console use. Without zod, so the console imports it as it is.
 */
export const WITHDRAWAL_KINDS = [
  'changed',
  'revoked',
  'confirmed-illegal',
  'confirmed-void',
  'remade',
] as const;
export type WithdrawalKind = (typeof WITHDRAWAL_KINDS)[number];

export const withdrawalLabels: Record<WithdrawalKind, string> = {
  changed: '决定已变更',
  revoked: '决定已撤销',
  'confirmed-illegal': '决定被确认违法',
  'confirmed-void': '决定被确认无效',
  remade: '决定被责令重新作出',
};
