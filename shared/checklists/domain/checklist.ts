import * as z from 'zod';
import {
  type ChecklistItem,
  type ChecklistKind,
  itemSchemas,
} from '#shared/checklists/domain/checklist-kinds.ts';
import { type ErrorDetail, issueDetails } from '#shared/kernel/errors.ts';

export const ChecklistStatus = z.enum(['draft', 'published', 'superseded']);
export type ChecklistStatus = z.infer<typeof ChecklistStatus>;

/** What a checklist's status is, said in a sentence (这份清单已发布). */
export const CHECKLIST_STATUS_WORDS: Record<ChecklistStatus, string> = {
  draft: '是草稿',
  published: '已发布',
  superseded: '已被新版本替代',
};

/**
 * One version of one of an agency's lists. Drafts are edited (optimistically, by `version`);
 * publishing gives the next `edition` and `effectiveFrom`, and supersedes the edition in force,
 * which gets `effectiveTo` (the last day it was in force). Every edition stays readable.
 */
export interface Checklist {
  id: string;
  agencyId: string;
  kind: ChecklistKind;
  title: string;
  items: ChecklistItem[];
  status: ChecklistStatus;
  /** Optimistic lock: changes on every edit; callers send it back as `expectedVersion`. */
  version: number;
  /** 1, 2, 3 ... within the agency and kind; set when published. */
  edition?: number;
  /** The published checklist this draft revises. */
  basedOn?: string;
  createdAt: string;
  createdBy: string;
  /** Everyone who wrote this version: none of them may approve it (PUB-1, PUB-4). */
  editors: string[];
  updatedAt: string;
  publishedAt?: string;
  publishedBy?: string;
  effectiveFrom?: string;
  effectiveTo?: string;
}

export type ChecklistSummary = Omit<Checklist, 'items'> & { itemCount: number };

export function summary({ items, ...checklist }: Checklist): ChecklistSummary {
  return { ...checklist, itemCount: items.length };
}

export const MAX_ITEMS = 5000;

/** Each item against its kind's schema, and codes unique; the details name `items.N.field`. */
export function checkItems(
  kind: ChecklistKind,
  items: readonly unknown[],
): { items: ChecklistItem[]; details: ErrorDetail[] } {
  const schema = itemSchemas[kind];
  const details: ErrorDetail[] = [];
  const valid: ChecklistItem[] = [];
  const seen = new Map<string, number>();
  items.forEach((raw, index) => {
    const result = schema.safeParse(raw);
    if (!result.success) {
      details.push(...issueDetails(result.error.issues, ['items', index]));
      return;
    }
    const first = seen.get(result.data.code);
    if (first !== undefined) {
      details.push({
        path: `items.${index}.code`,
        message: `编码 ${result.data.code} 与第 ${first + 1} 项重复`,
      });
      return;
    }
    seen.set(result.data.code, index);
    valid.push(result.data);
  });
  return { items: valid, details };
}

export interface ItemChange {
  code: string;
  fields: { field: string; before: unknown; after: unknown }[];
}

export interface ChecklistDiff {
  added: ChecklistItem[];
  removed: ChecklistItem[];
  changed: ItemChange[];
}

/** What changed between two versions of a list, item by item (by code), field by field. */
export function diffItems(before: readonly ChecklistItem[], after: readonly ChecklistItem[]): ChecklistDiff {
  const byCode = (items: readonly ChecklistItem[]) => new Map(items.map((item) => [item.code, item]));
  const old = byCode(before);
  const current = byCode(after);
  const changed: ItemChange[] = [];
  for (const [code, item] of current) {
    const previous = old.get(code);
    if (!previous) continue;
    const fields = [...new Set([...Object.keys(previous), ...Object.keys(item)])]
      .map((field) => ({
        field,
        before: (previous as Record<string, unknown>)[field],
        after: (item as Record<string, unknown>)[field],
      }))
      .filter((change) => JSON.stringify(change.before) !== JSON.stringify(change.after));
    if (fields.length > 0) changed.push({ code, fields });
  }
  return {
    added: after.filter((item) => !old.has(item.code)),
    removed: before.filter((item) => !current.has(item.code)),
    changed,
  };
}

/** The edition in force on `date`: the latest published on or before it, unless it had ended. */
export function inForceOn<T extends Pick<Checklist, 'edition' | 'effectiveFrom' | 'effectiveTo'>>(
  editions: readonly T[],
  date: string,
): T | undefined {
  const candidates = editions
    .filter((edition) => edition.effectiveFrom !== undefined && edition.effectiveFrom <= date)
    .sort((a, b) => (b.edition ?? 0) - (a.edition ?? 0));
  const latest = candidates[0];
  if (!latest || (latest.effectiveTo !== undefined && latest.effectiveTo < date)) return undefined;
  return latest;
}

/**
 * An edition's status on `today`. An edition published to take effect later (`effectiveFrom`
 * after the day it was published) supersedes the one in force from that day, not before: until
 * then the one in force stays published, and from then on it reads as superseded, with nothing
 * to run at midnight.
 */
export function statusOn<T extends Pick<Checklist, 'status' | 'effectiveTo'>>(
  checklist: T,
  today: string,
): T {
  return checklist.status === 'published' &&
    checklist.effectiveTo !== undefined &&
    checklist.effectiveTo < today
    ? { ...checklist, status: 'superseded' }
    : checklist;
}

/** Where a kind's editions stand: the one in force, and one published to take effect later. */
export interface ChecklistPointer {
  inForce?: { id: string; edition: number };
  next?: { id: string; edition: number; effectiveFrom: string };
}

/** The pointer as it is on `today`: an edition whose day has come is the one in force. */
export function pointerOn(pointer: ChecklistPointer | undefined, today: string): ChecklistPointer {
  if (!pointer?.next || pointer.next.effectiveFrom > today) return pointer ?? {};
  const { effectiveFrom: _from, ...next } = pointer.next;
  return { inForce: next };
}

/** How far ahead an edition may be published to take effect: a year. */
export const MAX_DAYS_AHEAD = 366;

/** What the public sees of a published list: no user ids, no drafts' history. */
export function publicView(checklist: Checklist) {
  return {
    agencyId: checklist.agencyId,
    kind: checklist.kind,
    title: checklist.title,
    status: checklist.status,
    edition: checklist.edition,
    effectiveFrom: checklist.effectiveFrom,
    effectiveTo: checklist.effectiveTo,
    publishedAt: checklist.publishedAt,
    items: checklist.items,
  };
}

export function publicSummary(checklist: Checklist | ChecklistSummary) {
  const { items: _items, ...rest } = publicView({ ...checklist, items: [] });
  return { ...rest, itemCount: 'itemCount' in checklist ? checklist.itemCount : checklist.items.length };
}
