import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '#shared/kernel/errors.ts';
import { exportItems, importItems, XLSX_LIMITS } from '#shared/render/xlsx/checklist-spreadsheet.ts';
import { countyReviewCatalog, matters } from '#test/fixtures/checklists.ts';

const errorOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationFailed);
  return error as ValidationFailed;
};

async function sheet(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet('清单');
  for (const row of rows) worksheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const matterHeadings = ['事项编码', '执法类别', '事项名称', '执法依据', '裁量基准', '承办机构', '办理时限'];

describe('spreadsheets with the Chinese headings agencies use', () => {
  it.each(['xlsx', 'csv'] as const)(
    '[PUB-2] [REV-2] %s: export then import gives the same items',
    async (format) => {
      for (const [kind, items] of [
        ['matters', matters],
        ['review-catalog', countyReviewCatalog],
      ] as const) {
        const file = await exportItems(kind, items, format);
        expect(await importItems(kind, format, file)).toEqual(items);
      }
    },
  );

  it('[PUB-2] a cell that a spreadsheet would run as a formula is exported as text in CSV', async () => {
    const [first] = matters;
    if (!first) throw new Error('the fixture has matters');
    const hostile = {
      ...first,
      name: '=HYPERLINK("http://evil.example","点击")',
      legalBasis: '+1+1',
      unit: '@SUM(A1)',
    };
    const csv = (await exportItems('matters', [hostile], 'csv')).toString('utf8');
    const row = csv.split('\n')[1] ?? '';
    expect(row).not.toMatch(/(^|,)"?[=+@]/);
    expect(row).toContain(`'=HYPERLINK`);
    expect(row).toContain(`'+1+1`);
  });

  it('exports Chinese headings and labels, not codes', async () => {
    const csv = (await exportItems('review-catalog', countyReviewCatalog, 'csv')).toString('utf8');
    expect(csv.startsWith('\uFEFF编码,审核事项,执法类别')).toBe(true);
    expect(csv).toContain('行政处罚');
    expect(csv).toContain('法人或其他组织');
    expect(csv).not.toContain('organization');
  });

  it('accepts labels or codes, a 序号 column, and skips empty rows', async () => {
    const file = await sheet([
      ['序号', ...matterHeadings],
      [1, 'A1', '行政处罚', '事项甲', '依据', '基准', '股室', '20日'],
      [],
      [2, 'A2', 'inspection', '事项乙', '依据', '基准', '股室', '即时'],
    ]);
    const items = await importItems('matters', 'xlsx', file);
    expect(items.map((item) => [item.code, item.category])).toEqual([
      ['A1', 'penalty'],
      ['A2', 'inspection'],
    ]);
  });

  it('reads a cell Excel turned into a date as the calendar date typed', async () => {
    const file = await sheet([
      matterHeadings,
      ['MZ-D-1', '行政检查', '日期检查', '某条例', '无', '某股', new Date(Date.UTC(2026, 0, 15))],
    ]);
    const [item] = await importItems('matters', 'xlsx', file);
    expect(item?.timeLimit).toBe('2026-01-15');
  });

  it('names every bad row with its row number and field: wrong type, unknown value, missing value, duplicate key', async () => {
    const file = await sheet([
      ['编码', '审核事项', '处罚种类', '当事人类型', '金额下限（元）', '经过听证'],
      ['R1', '罚款', '罚款', '公民', 10000, '是'],
      ['R2', '罚款', '罚款', '公民', '一万', '否'],
      ['R3', '', '罚款', '公民', 100, '否'],
      ['R1', '重复', '罚款', '外星人', 5, '也许'],
    ]);
    const error = await errorOf(importItems('review-catalog', 'xlsx', file));
    const paths = error.details.map((detail) => detail.path);
    expect(paths).toEqual(
      expect.arrayContaining(['rows.3.minAmount', 'rows.4.title', 'rows.5.partyKind', 'rows.5.hearingHeld']),
    );
    expect(paths).not.toContain('rows.2.minAmount');
    expect(error.details.find((detail) => detail.path === 'rows.3.minAmount')?.message).toContain(
      '第 3 行 E 列「金额下限（元）」',
    );
    expect(error.message).toContain('未导入');
  });

  it('reports a duplicate key on the row that repeats it', async () => {
    const file = await sheet([
      matterHeadings,
      ['A1', '行政处罚', '甲', '依据', '基准', '股室', '20日'],
      ['A1', '行政处罚', '乙', '依据', '基准', '股室', '20日'],
    ]);
    const error = await errorOf(importItems('matters', 'xlsx', file));
    expect(error.details).toEqual([expect.objectContaining({ path: 'rows.3.code' })]);
  });

  it('names a missing required column and an unknown one', async () => {
    const file = await sheet([
      ['事项编码', '执法类别', '事项名称', '执法依据', '裁量基准', '承办单位'],
      ['A1', '行政处罚', '甲', '依据', '基准', '股室'],
    ]);
    const error = await errorOf(importItems('matters', 'xlsx', file));
    expect(error.details.map((detail) => detail.path).sort()).toEqual([
      'columns.办理时限',
      'columns.承办单位',
      'columns.承办机构',
    ]);
  });

  it.each(['gbk', 'gb18030', 'utf8'] as const)(
    '[PUB-2] a CSV that Excel saved in %s, with or without a BOM, imports with its Chinese headings',
    async (encoding) => {
      const text = `${matterHeadings.join(',')}\r\nA1,行政处罚,对违法殡葬行为的处罚,《殡葬管理条例》第二十条,从轻,社会事务股,20日\r\n`;
      for (const bom of encoding === 'utf8' ? [true, false] : [false]) {
        const file = iconv.encode(text, encoding, { addBOM: bom });
        const [item] = await importItems('matters', 'csv', file);
        expect(item).toMatchObject({ code: 'A1', name: '对违法殡葬行为的处罚', unit: '社会事务股' });
      }
    },
  );

  it('[PUB-2] a CSV in an encoding it cannot read says what to do, not garbled column names only', async () => {
    const file = iconv.encode(`${matterHeadings.join(',')}\r\n`, 'utf16le');
    const error = await errorOf(importItems('matters', 'csv', file));
    expect(error.details.map((detail) => detail.message).join('\n')).toContain('CSV UTF-8');
  });

  it('refuses a file that is not a spreadsheet', async () => {
    const error = await errorOf(importItems('matters', 'xlsx', Buffer.from('not a zip')));
    expect(error.details[0]?.path).toBe('content');
  });
});

describe('a zip bomb in place of an xlsx', () => {
  it('[PUB-2] is refused from its directory, before anything is unpacked', async () => {
    const bomb = Buffer.from(
      zipSync(
        { 'xl/worksheets/sheet1.xml': new Uint8Array(XLSX_LIMITS.uncompressedBytes + 1) },
        { level: 9 },
      ),
    );
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await errorOf(importItems('matters', 'xlsx', bomb));
    expect(error.details[0]).toMatchObject({
      path: 'content',
      message: expect.stringContaining('解压后超过'),
    });
  });

  it('[PUB-2] with more parts than a workbook has is refused too', async () => {
    const parts = Object.fromEntries(
      Array.from({ length: XLSX_LIMITS.entries + 1 }, (_, n) => [`part-${n}.xml`, new Uint8Array(1)]),
    );
    const error = await errorOf(importItems('matters', 'xlsx', Buffer.from(zipSync(parts))));
    expect(error.details[0]?.path).toBe('content');
  });
});
