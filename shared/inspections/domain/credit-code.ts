/** The characters of a 统一社会信用代码 (GB 32100-2015): digits and capitals without I, O, S, V, Z. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** The weights of the first 17 characters: 3^i mod 31 (GB 32100-2015). */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters: 31 - Σ value × weight mod 31, with 31 written as 0. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1)
    sum += CREDIT_CODE_ALPHABET.indexOf(first17.charAt(index)) * (WEIGHTS[index] ?? 0);
  return CREDIT_CODE_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Whether `code` is a 统一社会信用代码: 18 characters of the code's alphabet, the last the check character of the others. */
export function isValidCreditCode(code: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code) && creditCodeCheckCharacter(code) === code.charAt(17);
}
