import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { checkItems } from '#shared/domain/checklists/checklist.ts';
import {
  type Cell,
  type ChecklistItem,
  type ChecklistKind,
  type Column,
  columns,
  itemSchemas,
  kindLabels,
} from '#shared/domain/checklists/kinds.ts';
import { type ErrorDetail, ValidationFailed } from '#shared/errors.ts';

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
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(kindLabels[kind]);
  const cols = columnsOf(kind);
  sheet.addRow(cols.map(([, column]) => column.heading));
  for (const item of items) {
    sheet.addRow(
      cols.map(([field, column]) => {
        const value = toCell(column.cell, (item as Record<string, unknown>)[field]) ?? null;
        return format === 'csv' ? inertInCsv(value) : value;
      }),
    );
  }
  if (format === 'csv') {
    return Buffer.from(await workbook.csv.writeBuffer({ formatterOptions: { writeBOM: true } }));
  }
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => {
    column.width = 20;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A checklist of thousands of items unpacks to a few MB; a zip bomb to gigabytes. */
export const XLSX_LIMITS = { uncompressedBytes: 64 * 1024 * 1024, entries: 500 };

/**
 * An xlsx is a ZIP: its central directory says what it unpacks to, read without unpacking
 * anything. One that would unpack to more than the limits is refused before exceljs reads it
 * into memory (exceljs, through JSZip, also refuses an entry whose real size differs from the
 * directory's).
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

async function readRows(format: SheetFormat, content: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  if (format === 'csv') {
    const text = content.toString('utf8').replace(/^\uFEFF/, '');
    sheet = await workbook.csv.read(Readable.from([text]), { map: (value: unknown) => value });
  } else {
    assertUnpacksSmall(content);
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
    sheet = workbook.worksheets[0];
  }
  const rows: unknown[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      const value = cell.value;
      values[columnNumber - 1] = typeof value === 'number' || typeof value === 'boolean' ? value : cell.text;
    });
    rows[rowNumber - 1] = values;
  });
  return rows;
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
  let rows: unknown[][];
  try {
    rows = await readRows(format, content);
  } catch (error) {
    if (error instanceof ValidationFailed) throw error;
    throw new ValidationFailed([{ path: 'content', message: `文件无法读取，请上传 ${format} 格式的表格` }]);
  }
  const [header = [], ...body] = rows;
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
        return {
          path: `rows.${row}.${field}`,
          message: `第 ${row} 行「${headingOf.get(field) ?? field}」：${detail.message}`,
        };
      }),
      '表格中有错误，未导入任何内容',
    );
  }
  return checked.items as ChecklistItem<K>[];
}
