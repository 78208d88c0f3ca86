/**
 * Text as the redactor reads it (LAW-5): look-alike writing made plain, so that a phone number in
 * full-width digits, circled digits, Chinese numerals or with invisible characters inside is
 * found like one typed plainly (`shared/kernel/desensitise.ts`).
 */

/** Zero-width and other invisible characters (soft hyphen, joiners, variation selectors, fillers). */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u180e]/gu;

/**
 * Full-width ASCII letters, digits and the symbols that make up numbers and addresses of mail
 * become half-width; invisible characters go; ideographic and other spaces become one space.
 * Chinese punctuation (，。：（）) stays as written.
 */
export function normalise(text: string): string {
  return (
    text
      .replace(INVISIBLE, '')
      .replace(
        /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0b\uff0d\uff0e\uff20\uff3f\uff0f\uff3f]/g,
        (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0),
      )
      // Other ways of writing a digit: mathematical, circled, sub- and superscript, other scripts.
      .replace(/[\p{Nd}\p{No}]/gu, (char) => (/[0-9]/.test(char) ? char : (digitOf(char) ?? char)))
      .replace(/[\u2010-\u2015\u2212\ufe58\ufe63]/g, '-')
      .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]/g, ' ')
      // A number written in Chinese numerals, seven or more, separated or not (幺三九 一二三四 五六七八).
      .replace(CHINESE_DIGIT_RUN, (run) =>
        /[〇零幺两一二三四五六七八九壹贰叁肆伍陆柒捌玖]/.test(run)
          ? [...run].map((char) => CHINESE_DIGITS[char] ?? char).join('')
          : run,
      )
      // Letters that stand for digits inside a number (139O234l678).
      .replace(/(?<=\d)[Oo](?=\d)/g, '0')
      .replace(/(?<=\d)[Il|](?=\d)/g, '1')
  );
}

const CHINESE_DIGITS: Record<string, string> = Object.fromEntries(
  [...'〇一二三四五六七八九']
    .map((char, index) => [char, String(index)])
    .concat([...'零壹贰叁肆伍陆柒捌玖'].map((char, index) => [char, String(index)]))
    // As digits are read out on the phone: 幺 for one, 两 for two.
    .concat([
      ['幺', '1'],
      ['两', '2'],
    ]),
);

/** The value of a non-ASCII digit character, if it is one (𝟏, ①, ₁, ١). */
function digitOf(char: string): string | undefined {
  const compatible = char.normalize('NFKC');
  if (/^[0-9]$/.test(compatible)) return compatible;
  const code = char.codePointAt(0) ?? 0;
  if (!/\p{Nd}/u.test(char)) return undefined;
  // Decimal digits come in runs of ten from 0: find the run's zero.
  for (let back = 0; back <= 9; back += 1) {
    if (!/\p{Nd}/u.test(String.fromCodePoint(code - back - 1))) return String(back % 10);
  }
  return undefined;
}

/**
 * The separators people put between digits: spaces, dashes, dots, slashes, commas, brackets,
 * colons, tildes, stars and pluses (139:1234:5678, 139~1234~5678, 139＊1234＊5678).
 */
export const SEPARATOR = '[\\s\\-.·•・/_，,、。()（）:：~～*＊+]';
/** Up to five of them between two digits: runs of spaces too. */
export const SEP = `${SEPARATOR}{0,5}`;
/** Seven or more digits, Chinese or not, with separators between them. */
const CHINESE_DIGIT_RUN = new RegExp(
  `[〇零幺两一二三四五六七八九壹贰叁肆伍陆柒捌玖\\d](?:${SEP}[〇零幺两一二三四五六七八九壹贰叁肆伍陆柒捌玖\\d]){6,}`,
  'g',
);
