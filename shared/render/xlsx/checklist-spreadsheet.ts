import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { unzipSync } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { checkItems } from '#shared/checklists/domain/checklist.ts';
import {
  type Cell,
  type ChecklistItem,
  type ChecklistKind,
  type Column,
  columns,
  itemSchemas,
  kindLabels,
} from '#shared/checklists/domain/checklist-kinds.ts';
import { type ErrorDetail, ValidationFailed } from '#shared/kernel/errors.ts';

export type SheetFormat = 'xlsx' | 'csv';

/** Columns agencies often add that carry no data of ours. */
const IGNORED_HEADINGS = new Set(['序号']);
const LIST_SEPARATORS = /[、,，;；\n]+/;

function columnsOf(kind: ChecklistKind): [string, Column][] {
  return Object.entries(columns[kind]) as [string, Column][];
}

function toCell(cell: Cell, value: unknown): string | number | boolean | undefined {
  if (value === undefined) return undefined;
  switch (cell.as) {
    case 'boolean':
      return value ? '是' : '否';
    case 'number':
      return value as number;
    case 'enum':
      return cell.labels[value as string] ?? String(value);
    case 'list':
      return (value as string[]).map((entry) => cell.labels?.[entry] ?? entry).join('、');
    default:
      return String(value);
  }
}

function codeOf(labels: Record<string, string> | undefined, text: string): string {
  if (!labels) return text;
  const found = Object.entries(labels).find(([code, label]) => label === text || code === text);
  return found ? found[0] : text;
}

/** A cell back to a field value; what cannot be converted is passed on for zod to name. */
function fromCell(cell: Cell, raw: unknown): unknown {
  if (raw === undefined || raw === null) return undefined;
  const text = typeof raw === 'string' ? raw.trim() : raw;
  if (text === '') return undefined;
  switch (cell.as) {
    case 'number': {
      if (typeof text === 'number') return text;
      const number = Number(String(text).replace(/[,，\s]/g, ''));
      return String(text).trim() !== '' && Number.isFinite(number) ? number : text;
    }
    case 'boolean': {
      const value = String(text).toLowerCase();
      if (['是', 'true', 'y', 'yes', '1'].includes(value)) return true;
      if (['否', 'false', 'n', 'no', '0'].includes(value)) return false;
      return text;
    }
    case 'enum':
      return codeOf(cell.labels, String(text));
    case 'list':
      return String(text)
        .split(LIST_SEPARATORS)
        .map((part) => part.trim())
        .filter((part) => part !== '')
        .map((part) => codeOf(cell.labels, part));
    default:
      return String(text);
  }
}

/**
 * A CSV cell that a spreadsheet would run as a formula (=HYPERLINK(...), +, -, @, tab, CR) is
 * written as text, with the apostrophe spreadsheets use for that (OWASP, CSV injection).
 */
function inertInCsv<T>(value: T): T | string {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** An xlsx or CSV with the Chinese headings of the kind, one row per item. */
export async function exportItems(
  kind: ChecklistKind,
  items: readonly ChecklistItem[],
  format: SheetFormat,
): Promise<Buffer> {
  const cols = columnsOf(kind);
  const headings = cols.map(([, column]) => column.heading);
  const rows = items.map((item) =>
    cols.map(([field, column]) => toCell(column.cell, (item as Record<string, unknown>)[field]) ?? null),
  );
  if (format === 'csv') {
    // With a BOM, so that Excel opens UTF-8 Chinese text as such.
    const text = stringifyCsv([headings, ...rows.map((row) => row.map(inertInCsv))], { bom: true });
    return Buffer.from(text, 'utf8');
  }
  const header = headings.map((value) => ({ value, fontWeight: 'bold' as const }));
  return writeXlsxFile([header, ...rows], {
    sheet: kindLabels[kind],
    columns: headings.map(() => ({ width: 20 })),
  }).toBuffer();
}

/** A checklist of thousands of items unpacks to a few MB; a zip bomb to gigabytes. */
export const XLSX_LIMITS = { uncompressedBytes: 64 * 1024 * 1024, entries: 500 };

/**
 * An xlsx is a ZIP: its central directory says what it unpacks to, read without unpacking
 * anything. One that would unpack to more than the limits is refused before the reader unpacks
 * it into memory.
 */
function assertUnpacksSmall(content: Buffer): void {
  let bytes = 0;
  let entries = 0;
  unzipSync(content, {
    filter: (file) => {
      bytes += file.originalSize;
      entries += 1;
      return false;
    },
  });
  if (bytes > XLSX_LIMITS.uncompressedBytes || entries > XLSX_LIMITS.entries) {
    throw new ValidationFailed(
      [
        {
          path: 'content',
          message: `表格解压后超过 ${XLSX_LIMITS.uncompressedBytes / 1024 / 1024} MB 或 ${XLSX_LIMITS.entries} 个部件，不予读取`,
        },
      ],
      '表格文件过大',
    );
  }
}

/** A cell as the import reads it: dates (which Excel keeps as days) as calendar dates. */
const cellValue = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);

/** A column as a spreadsheet names it: 0 is A, 26 is AA. */
function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * A CSV as agencies have it: Excel on a Chinese Windows saves "CSV" in the system's code page
 * (GBK, which GB18030 contains), and "CSV UTF-8" with a BOM; other tools write UTF-8 without one.
 * A file that is not valid UTF-8 is read as GB18030, so nobody has to say which it is.
 */
export function decodeCsv(content: Buffer): string {
  const text =
    content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf ? content.subarray(3) : content;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(text);
  } catch {
    return new TextDecoder('gb18030').decode(text);
  }
}

async function readRows(format: SheetFormat, content: Buffer): Promise<unknown[][]> {
  if (format === 'csv') {
    return parseCsv(decodeCsv(content), { relaxColumnCount: true, skipEmptyLines: false });
  }
  assertUnpacksSmall(content);
  return (await readSheet(content)).map((row) => row.map(cellValue));
}

/** The rows of an uploaded xlsx or CSV (header first); a file that cannot be read is a 400 naming `content`. */
export async function readSpreadsheet(format: SheetFormat, content: Buffer): Promise<unknown[][]> {
  try {
    return await readRows(format, content);
  } catch (error) {
    if (error instanceof ValidationFailed) throw error;
    throw new ValidationFailed([{ path: 'content', message: `文件无法读取，请上传 ${format} 格式的表格` }]);
  }
}

/**
 * Reads a spreadsheet into items. Every bad row is reported with its row number and field (the
 * header is row 1), and every missing required column; nothing is returned unless all is well.
 */
export async function importItems<K extends ChecklistKind>(
  kind: K,
  format: SheetFormat,
  content: Buffer,
): Promise<ChecklistItem<K>[]> {
  const [header = [], ...body] = await readSpreadsheet(format, content);
  const headings = header.map((value) => (value === undefined || value === null ? '' : String(value).trim()));
  const cols = columnsOf(kind);
  const schema = itemSchemas[kind];
  const details: ErrorDetail[] = [];
  for (const [field, column] of cols) {
    const required = !schema.shape[field as keyof typeof schema.shape]?.safeParse(undefined).success;
    if (required && !headings.includes(column.heading)) {
      details.push({ path: `columns.${column.heading}`, message: `缺少必填列：${column.heading}` });
    }
  }
  headings.forEach((heading) => {
    if (
      heading !== '' &&
      !IGNORED_HEADINGS.has(heading) &&
      !cols.some(([, column]) => column.heading === heading)
    ) {
      details.push({ path: `columns.${heading}`, message: `未知的列：${heading}` });
    }
  });
  if (details.length > 0 && format === 'csv' && headings.some((heading) => heading.includes('\uFFFD'))) {
    details.push({
      path: 'content',
      message: '文件中有无法识别的字符：请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”或 xlsx 后再导入',
    });
  }
  if (details.length > 0) throw new ValidationFailed(details, '表格的列与清单格式不符');

  const rowNumbers: number[] = [];
  const items = body.flatMap((values, index) => {
    if (
      !values ||
      values.every((value) => value === undefined || value === null || String(value).trim() === '')
    )
      return [];
    rowNumbers.push(index + 2);
    const item: Record<string, unknown> = {};
    for (const [field, column] of cols) {
      const value = fromCell(column.cell, values[headings.indexOf(column.heading)]);
      if (value !== undefined) item[field] = value;
    }
    return [item];
  });
  const checked = checkItems(kind, items);
  if (checked.details.length > 0) {
    const headingOf = new Map(cols.map(([field, column]) => [field, column.heading]));
    throw new ValidationFailed(
      checked.details.map((detail) => {
        const [, index, field = ''] = detail.path.split('.');
        const row = rowNumbers[Number(index)] ?? 0;
        const heading = headingOf.get(field);
        const column = heading === undefined ? -1 : headings.indexOf(heading);
        const where = column >= 0 ? `第 ${row} 行 ${columnLetter(column)} 列` : `第 ${row} 行`;
        return {
          path: `rows.${row}.${field}`,
          message: `${where}「${heading ?? '该行'}」：${detail.message}`,
        };
      }),
      '表格中有错误，未导入任何内容',
    );
  }
  return checked.items as ChecklistItem<K>[];
}
