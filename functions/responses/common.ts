import * as z from 'zod';

/**
 * The success bodies of the API, for the OpenAPI document and the e2e tests, which check every
 * answer against its route's schema. Objects are open (`looseObject`): a field added later is
 * not a break, and every field named here is one clients may rely on.
 */
export const entity = z.looseObject;

/** An instant, UTC ISO 8601. */
export const Instant = z.string().describe('UTC ISO 8601');
/** A legal date in Asia/Shanghai. */
export const LegalDate = z.string().describe('YYYY-MM-DD, Asia/Shanghai');

/** A keyed page of a list. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().optional() });

/** A whole, short list. */
export const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** Which calendar version each year of a count used (LAW-8). */
export const CalendarVersions = z.record(z.string(), z.number().int().nullable());

/** A file that is not JSON: SVG, PDF, ZIP, XLSX, Atom. */
export const FileBody = z.string().describe('the file');
