/**
 * Desensitising (LAW-5): what must never reach the public — ID numbers, phone numbers, bank
 * accounts — is scrubbed from any free text that is published, and a natural person's name is
 * masked. The public record itself is built from an allow-list (shared/domain/public-record.ts);
 * scrubbing is the second line, for what people type into summaries.
 */
const patterns: [RegExp, (match: string) => string][] = [
  // 18-digit resident ID numbers (last character may be X), and the old 15-digit ones.
  [
    /(?<!\d)\d{17}[\dXx](?![\dXx])|(?<!\d)\d{15}(?!\d)/g,
    (match) => `${match.slice(0, 3)}${'*'.repeat(match.length - 3)}`,
  ],
  // Bank card and account numbers (16-19 digits, possibly grouped by spaces or dashes).
  [/(?<!\d)(?:\d[ -]?){15,18}\d(?!\d)/g, () => '[账号已隐去]'],
  // Mobile phone numbers.
  [/(?<!\d)1[3-9]\d{9}(?!\d)/g, (match) => `${match.slice(0, 3)}********`],
  // Landlines with an area code.
  [/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, () => '[电话已隐去]'],
];

export function scrubText(
  text: string,
  hiddenNames: readonly { full: string; masked: string }[] = [],
): string {
  let result = text;
  for (const { full, masked } of hiddenNames) {
    if (full.length > 0) result = result.split(full).join(masked);
  }
  for (const [pattern, replace] of patterns) result = result.replace(pattern, replace);
  return result;
}

/** 张三 -> 张*, 欧阳小明 -> 欧***: the surname stays, the rest is masked. */
export function maskPersonName(name: string): string {
  const characters = [...name.trim()];
  const [first = ''] = characters;
  return `${first}${'*'.repeat(Math.max(1, characters.length - 1))}`;
}
