import * as z from 'zod';
import { ValidationFailed } from '#shared/kernel/errors.ts';

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}

export const PageQuery = {
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
};

export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

/**
 * The key a query's page may start from: exactly its key attributes, each a string, the
 * partition keys equal to the ones the query reads and the sort keys starting with its prefix.
 * A cursor crafted by hand, from another query or from another agency is a 400, never a
 * DynamoDB error or another tenant's page.
 */
export interface CursorBounds {
  partition: Record<string, string>;
  sortPrefix: Record<string, string>;
}

export function decodeCursor(
  cursor: string | undefined,
  { partition, sortPrefix }: CursorBounds,
): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  const key = parse(cursor);
  const expected = [...Object.keys(partition), ...Object.keys(sortPrefix)];
  const valid =
    key !== undefined &&
    Object.keys(key).length === expected.length &&
    Object.entries(partition).every(([name, value]) => key[name] === value) &&
    Object.entries(sortPrefix).every(([name, prefix]) => {
      const value = key[name];
      return typeof value === 'string' && value.startsWith(prefix);
    });
  if (!valid) throw new ValidationFailed([{ path: 'cursor', message: '分页游标无效' }]);
  return key as Record<string, string>;
}

function parse(cursor: string): Record<string, unknown> | undefined {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (key && typeof key === 'object' && !Array.isArray(key)) return key as Record<string, unknown>;
  } catch {
    // a cursor that is not JSON is as invalid as one with the wrong keys
  }
  return undefined;
}
