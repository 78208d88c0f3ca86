/**
 * The two identifiers a party is registered by, each with its public standard's check character:
 * the 18-digit 公民身份号码 of a natural person (GB 11643-1999) and the 统一社会信用代码 of a legal
 * person or other organisation (GB 32100-2015). A party's kind is read from its identifier, not
 * taken on trust (LAW-3: the simple procedure's limits and the review catalog depend on it).
 */

/** GB 11643: weights 2^(17-i) mod 11 of the 17 digits; the check is `10X98765432` at sum mod 11. */
const RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_CHECKS = '10X98765432';

/** The check character of a resident ID's first 17 digits. */
export function residentIdCheck(first17: string): string {
  const sum = RESIDENT_WEIGHTS.reduce((total, weight, index) => total + weight * Number(first17[index]), 0);
  return RESIDENT_CHECKS[sum % 11] as string;
}

/** An 18-digit resident ID whose birth date exists and whose check character is right. */
export function isResidentIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const date = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== birth) return false;
  return residentIdCheck(value) === value[17];
}

/** GB 32100: 31 characters (no I, O, Z, S, V), weights 3^i mod 31, check 31 - sum mod 31. */
const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of a credit code's first 17 characters (all of its character set). */
export function creditCodeCheck(first17: string): string {
  const sum = CREDIT_WEIGHTS.reduce(
    (total, weight, index) => total + weight * CREDIT_CHARSET.indexOf(first17[index] as string),
    0,
  );
  return CREDIT_CHARSET[(31 - (sum % 31)) % 31] as string;
}

/** A 统一社会信用代码 of 18 characters whose check character is right. */
export function isUnifiedCreditCode(value: string): boolean {
  if (value.length !== 18 || [...value].some((character) => !CREDIT_CHARSET.includes(character)))
    return false;
  return creditCodeCheck(value) === value[17];
}

/**
 * Why a party of this kind cannot be registered under this identifier, in Chinese, or undefined
 * when the identifier is a valid one of that kind. A person's resident ID makes a person, a credit
 * code an organisation; anything else, or a wrong check character, is refused.
 */
export function partyIdentifierRefusal(
  kind: 'person' | 'organization',
  idNumber: string,
): string | undefined {
  const value = idNumber.toUpperCase();
  const resident = isResidentIdNumber(value);
  const credit = !resident && isUnifiedCreditCode(value);
  if (kind === 'person') {
    if (resident) return undefined;
    return credit
      ? '该号码是统一社会信用代码，当事人应登记为法人或其他组织'
      : '公民身份号码应为18位且校验码正确（GB 11643）';
  }
  if (credit) return undefined;
  return resident
    ? '该号码是公民身份号码，当事人应登记为公民（自然人）'
    : '统一社会信用代码应为18位且校验码正确（GB 32100）';
}
