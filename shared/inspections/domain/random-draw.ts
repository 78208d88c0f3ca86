import { createHash } from 'node:crypto';
import * as z from 'zod';
import { maskPersonName } from '#shared/kernel/desensitise.ts';

/**
 * The random draw of "double random, one public" inspections (双随机、一公开, PUB-15): subjects from
 * the directory of inspected objects and officers from the officer list, drawn with a published
 * seed, so that anyone can repeat the draw and get the same result.
 */
export const DrawInput = z.strictObject({
  /** The random-inspections checklist item the inspection is for (LAW-9). */
  matterCode: z.string().trim().min(1).max(64),
  /** The directory of inspected objects the subjects are drawn from (检查对象名录库). */
  pool: z
    .array(
      z.strictObject({
        id: z.string().trim().min(1).max(64),
        name: z.string().trim().min(1).max(200),
        kind: z.enum(['person', 'organization']).optional(),
      }),
    )
    .min(1)
    .max(50_000)
    .refine((pool) => new Set(pool.map((item) => item.id)).size === pool.length, {
      error: '检查对象编号不能重复',
    }),
  /** How many subjects; absent: the ratio of the checklist item (e.g. 5%), at least one. */
  count: z.number().int().min(1).max(50_000).optional(),
  /** How many officers go to each inspection (at least two, LAW-2). */
  officersPerInspection: z.number().int().min(2).max(10).optional(),
});
export type DrawInput = z.infer<typeof DrawInput>;

export interface RandomDraw {
  id: string;
  agencyId: string;
  matterCode: string;
  /** The checklist edition the matter was published in. */
  checklistId: string;
  checklistEdition: number;
  /** The filed annual plan whose item the draw is of (INS-2); absent on draws made before plans bound them. */
  planYear?: number;
  planVersion?: number;
  algorithm: string;
  seed: string;
  /** SHA-256 of the pool as drawn from (ids in order), so the input can be checked too. */
  poolSha256: string;
  poolSize: number;
  subjects: { id: string; name: string }[];
  officers: { certificateNo: string; name: string }[];
  drawnAt: string;
  drawnBy: string;
  drawnByName: string;
}

export const DRAW_ALGORITHM = 'fisher-yates, r(i) = uint32(sha256(seed + ":" + i)[0..4]) mod (n - i)';

/** The i-th number of the seeded sequence: the first four bytes of SHA-256(seed:i). */
function seeded(seed: string, index: number): number {
  return createHash('sha256').update(`${seed}:${index}`).digest().readUInt32BE(0);
}

/**
 * `count` items of `items` in drawn order: a partial Fisher-Yates shuffle driven by the seeded
 * sequence. The same seed and items always give the same draw.
 */
export function drawSample<T>(seed: string, items: readonly T[], count: number, offset = 0): T[] {
  const copy = [...items];
  const take = Math.min(count, copy.length);
  for (let i = 0; i < take; i += 1) {
    const j = i + (seeded(seed, offset + i) % (copy.length - i));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, take);
}

/** The sample size a ratio such as `5%` or `1/20` asks for, at least one. */
export function sampleSize(ratio: string, poolSize: number): number {
  const percent = /([\d.]+)\s*[%％]/.exec(ratio);
  const fraction = /(\d+)\s*\/\s*(\d+)/.exec(ratio);
  const share = percent
    ? Number(percent[1]) / 100
    : fraction
      ? Number(fraction[1]) / Number(fraction[2])
      : 0.05;
  return Math.max(1, Math.min(poolSize, Math.ceil(poolSize * share)));
}

export const poolDigest = (ids: readonly string[]) =>
  createHash('sha256').update(ids.join('\n')).digest('hex');

/** What the public sees of a draw: a natural person drawn is shown masked (LAW-5). */
export function drawnName(subject: { name: string; kind?: 'person' | 'organization' | undefined }): string {
  return subject.kind === 'person' ? maskPersonName(subject.name) : subject.name;
}
