import type { DayCounts } from '#shared/kernel/statistics.ts';
import type { ChildWrite } from '#shared/kernel/store/child-write.ts';
import type { Page } from '#shared/kernel/store/pagination.ts';

/**
 * The in-memory stores' child write: a condition to check and a change to apply. A case commit
 * checks every write of its transaction before it applies any, as DynamoDB does, so a failed
 * condition leaves nothing written.
 */
export interface MemoryWrite {
  /** Whether the write's condition holds now (a version, "not there yet"). */
  holds(): boolean;
  apply(): void;
}

interface MemoryChildWrite {
  readonly counts?: DayCounts[];
  readonly memory: MemoryWrite;
}

export function memoryChildWrite(memory: MemoryWrite, counts?: DayCounts[]): ChildWrite {
  const write: MemoryChildWrite = { memory, ...(counts ? { counts } : {}) };
  return write as unknown as ChildWrite;
}

export function memoryWriteOf(write: ChildWrite): MemoryWrite {
  const memory = (write as unknown as Partial<MemoryChildWrite>).memory;
  if (!memory) throw new Error('a child write of another store (DynamoDB) was handed to an in-memory store');
  return memory;
}

/** Copies go in and out, as through DynamoDB: a caller cannot change what is stored by holding a reference. */
export const copy = <T>(value: T): T => structuredClone(value);

/** A put of a versioned item: new (nothing there yet), or over the version read. */
export function versionedPut<T extends { version: number }>(
  items: Map<string, T>,
  key: string,
  item: T,
  previous: { version: number } | undefined,
): MemoryWrite {
  return {
    holds: () => (previous === undefined ? !items.has(key) : items.get(key)?.version === previous.version),
    apply: () => void items.set(key, copy(item)),
  };
}

/** A page of `items` from an offset cursor: the stores' paging contract without DynamoDB's keys. */
export function pageOf<T>(items: readonly T[], limit: number, cursor: string | undefined): Page<T> {
  const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString()) : 0;
  const next = start + limit;
  return {
    items: items.slice(start, next).map(copy),
    ...(next < items.length ? { nextCursor: Buffer.from(String(next)).toString('base64url') } : {}),
  };
}

/** Newest first by a sort key, as the stores' indexes list. */
export const newestFirst =
  <T>(key: (item: T) => string) =>
  (a: T, b: T): number =>
    key(b).localeCompare(key(a));

/**
 * Strings in DynamoDB's order of sort keys: by code point (UTF-8 bytes), not by locale, which
 * would weigh `#`, `-` and digits differently.
 */
export const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
