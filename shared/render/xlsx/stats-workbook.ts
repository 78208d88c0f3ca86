import writeXlsxFile from 'write-excel-file/node';
import { type Statistics, statisticsRows } from '#shared/render/statistics-rows.ts';

/**
 * The statistics as a workbook for public-opinion response and decision-making (ORG-3, REC-9):
 * one sheet, a row per figure, with the Chinese names people read.
 */
export async function statisticsWorkbook(stats: Statistics, agencyName: string): Promise<Buffer> {
  const bold = (value: string) => ({ value, fontWeight: 'bold' as const });
  return writeXlsxFile(
    [
      [`${agencyName} 行政执法统计`, `${stats.from} 至 ${stats.to}`],
      [bold('项目'), bold('数值')],
      ...statisticsRows(stats),
    ],
    { sheet: '执法统计', columns: [{ width: 32 }, { width: 24 }] },
  ).toBuffer();
}
