import * as z from 'zod';

/** Zero-width and other invisible characters (joiners, variation selectors, fillers, BOM). */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u180e]/gu;
/** Control characters other than the line break and the tab a note may hold. */
const CONTROL = /[^\P{Cc}\n\t]/gu;

/** Text as kept: invisible and control characters removed, trimmed. Its width stays as written. */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').replace(CONTROL, '').trim();
}

/**
 * Whether text says something: after NFKC (full-width and compatibility forms folded) and the
 * clean-up, a letter or a digit remains; spaces, punctuation and symbols alone say nothing.
 */
export function saysSomething(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(cleanText(text.normalize('NFKC')));
}

/**
 * The words a rule needs (REV-3, REV-4, LAW-10: a note, an opinion, a reason, a finding): cleaned,
 * and refused when nothing is left that says anything, or fewer than `min` characters. NFKC
 * decides emptiness only; the text is kept as written, since NFKC would turn the full-width
 * punctuation of Chinese prose (，（）：) into ASCII.
 */
export const Words = (max: number, min = 1) =>
  z
    .string()
    .overwrite(cleanText)
    .min(min, { abort: true })
    .max(max)
    .refine(saysSomething, { error: '须填写实际内容，不能只有空白、标点或不可见字符' });
