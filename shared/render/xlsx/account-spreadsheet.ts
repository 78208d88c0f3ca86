import { type ErrorDetail, issueDetails, ValidationFailed } from '#shared/kernel/errors.ts';
import { type AssignableRole, NewAccountInput, roleLabels } from '#shared/organisation/domain/account.ts';
import { readSpreadsheet, type SheetFormat } from '#shared/render/xlsx/checklist-spreadsheet.ts';

/** The columns of a staff list, as an agency's office keeps it; 序号 and empty rows are ignored. */
const COLUMNS = {
  name: '姓名',
  unitId: '股室',
  roles: '角色',
  officerCertificateNo: '执法证号',
  phone: '手机号码',
  email: '电子邮箱',
} as const;
const REQUIRED: (keyof typeof COLUMNS)[] = ['name', 'unitId', 'roles'];
const IGNORED = new Set(['序号', '']);

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim());

/**
 * Reads a staff list (xlsx or CSV) into accounts (ORG-5): 股室 by name or number, 角色 by label or
 * code, several joined with 、 , ， or ;. Every missing column and bad cell is reported as
 * `rows.{row}.{column}` with the spreadsheet's row number (the header is row 1); nothing is
 * returned unless every row is good.
 */
export async function readStaffList(
  format: SheetFormat,
  content: Buffer,
  units: readonly { id: string; name: string }[],
): Promise<{ row: number; account: NewAccountInput }[]> {
  const [header = [], ...body] = await readSpreadsheet(format, content);
  const headings = header.map(text);
  const details: ErrorDetail[] = [];
  for (const field of REQUIRED) {
    if (!headings.includes(COLUMNS[field])) {
      details.push({ path: `columns.${COLUMNS[field]}`, message: `缺少必填列：${COLUMNS[field]}` });
    }
  }
  const known = new Set<string>(Object.values(COLUMNS));
  for (const heading of headings) {
    if (!IGNORED.has(heading) && !known.has(heading)) {
      details.push({ path: `columns.${heading}`, message: `未知的列：${heading}` });
    }
  }
  if (details.length > 0) throw new ValidationFailed(details, '表格的列与人员名单格式不符');

  const roleOf = (label: string): string =>
    (Object.entries(roleLabels).find(([, each]) => each === label)?.[0] as AssignableRole | undefined) ??
    label;
  const unitOf = (cell: string) => units.find((unit) => unit.name === cell || unit.id === cell)?.id ?? cell;
  const accounts: { row: number; account: NewAccountInput }[] = [];
  body.forEach((values, index) => {
    const row = index + 2;
    const cell = (field: keyof typeof COLUMNS) => text(values?.[headings.indexOf(COLUMNS[field])]);
    if (!values || values.every((value) => text(value) === '')) return;
    const candidate = {
      name: cell('name'),
      unitId: unitOf(cell('unitId')),
      roles: cell('roles')
        .split(/[、,，;；\s]+/)
        .filter((part) => part !== '')
        .map(roleOf),
      ...Object.fromEntries(
        (['officerCertificateNo', 'phone', 'email'] as const)
          .map((field) => [field, cell(field)] as const)
          .filter(([, value]) => value !== ''),
      ),
    };
    const parsed = NewAccountInput.safeParse(candidate);
    if (!parsed.success) {
      for (const detail of issueDetails(parsed.error.issues)) {
        const field = detail.path.split('.')[0] as keyof typeof COLUMNS;
        const heading = COLUMNS[field] ?? field;
        details.push({
          path: `rows.${row}.${heading}`,
          message: `第 ${row} 行「${heading}」：${detail.message}`,
        });
      }
      return;
    }
    accounts.push({ row, account: parsed.data });
  });
  if (details.length > 0) throw new ValidationFailed(details, '人员名单中有错误，未导入任何账号');
  if (accounts.length === 0) throw new ValidationFailed([{ path: 'content', message: '表格中没有人员' }]);
  return accounts;
}
