import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter } from '#shared/inspections/domain/credit-code.ts';

/** A credit code no other test uses, with its check character right. */
export function freshCreditCode(): string {
  const random = Array.from({ length: 9 }, () => CREDIT_CODE_ALPHABET.charAt(Math.floor(Math.random() * 31)));
  const body = `91530524${random.join('')}`;
  return `${body}${creditCodeCheckCharacter(body)}`;
}
