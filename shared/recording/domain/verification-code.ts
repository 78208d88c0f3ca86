import { randomBytes } from 'node:crypto';
import * as z from 'zod';

/** Crockford's base32: no I, L, O or U, so a code read off paper cannot be mistyped as another. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 16;

/**
 * A document's verification code (PUB-16): 80 random bits as 16 Crockford base32 characters,
 * printed in groups of four (7KQ2-M9XD-4HTB-ZP0R). Not derived from anything, so not guessable.
 */
export function newVerificationCode(): string {
  const bytes = randomBytes((LENGTH * 5) / 8);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let index = LENGTH - 1; index >= 0; index -= 1)
    code += ALPHABET[Number((bits >> BigInt(index * 5)) & 31n)];
  return groupedCode(code);
}

/** The code as printed and typed: groups of four joined by hyphens. */
const groupedCode = (code: string) => code.match(/.{4}/g)?.join('-') ?? code;

/**
 * A code as someone typed it: case, spaces and hyphens do not matter, and the letters Crockford
 * reads as digits (I and L as 1, O as 0) are read so; the result is the printed form.
 */
export const VerificationCode = z
  .string()
  .trim()
  .max(40)
  .transform((typed) => typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0'))
  .pipe(
    z
      .string()
      .regex(new RegExp(`^[${ALPHABET}]{${LENGTH}}$`), '核验码应为 16 位字母或数字')
      .transform(groupedCode),
  );
