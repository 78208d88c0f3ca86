import * as z from 'zod';

/**
 * An enum that also accepts its Chinese labels (行政处罚 for `penalty`) and common variants
 * (`license-revocation` for `licence-revocation`), as agencies and clients write them; it always
 * yields the code.
 */
export function labelledEnum<const T extends readonly [string, ...string[]]>(
  codes: T,
  labels: Record<T[number], string>,
  aliases: Record<string, T[number]> = {},
) {
  const byName: Record<string, T[number]> = {
    ...Object.fromEntries(
      Object.entries(labels).map(([code, label]) => [label as string, code as T[number]]),
    ),
    ...aliases,
  };
  const names = Object.keys(byName) as [string, ...string[]];
  return z.union([z.enum(codes), z.enum(names).transform((name) => byName[name] as T[number])]);
}
