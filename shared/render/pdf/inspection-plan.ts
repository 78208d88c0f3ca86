import PDFDocument from 'pdfkit';
import { inspectionCategoryLabels } from '#shared/inspections/domain/inspection.ts';
import type { PublicInspectionPlan } from '#shared/inspections/domain/inspection-plan.ts';
import { chineseDate, legalDateOf } from '#shared/kernel/dates.ts';
import { indexFontPath } from '#shared/render/pdf/case-file-index.ts';

/**
 * A filed annual inspection plan as its printed document (INS-2), in the style of the record
 * documents: A4, the agency's full name, the title and the version; each item with its kind,
 * what is planned, the enterprises' categories and the months; the date of filing in Chinese.
 * Built from the public view only, so it carries nothing the public does not read.
 */
export async function inspectionPlanPdf(plan: PublicInspectionPlan, agencyName: string): Promise<Buffer> {
  const title = `${plan.year}年度涉企行政检查计划`;
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 56, left: 72, right: 72 },
    info: { Title: `${agencyName} ${title}` },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => pdf.on('end', () => resolve()));
  pdf.registerFont('cjk', indexFontPath());
  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right;
  const line = (label: string, value: string) => pdf.text(`${label}：${value}`, { width, lineGap: 4 });

  pdf.font('cjk').fillColor('black');
  pdf.fontSize(16).text(agencyName, { align: 'center', width });
  pdf.moveDown(0.2).fontSize(22).text(title, { align: 'center', width, characterSpacing: 2 });
  pdf.moveDown(0.3).fontSize(11).text(`第 ${plan.version} 版`, { align: 'right', width });
  pdf.moveDown(0.8).fontSize(12);
  plan.items.forEach((item, index) => {
    pdf.fontSize(13).text(`${index + 1}. ${item.name}（${item.itemCode}）`, { width, lineGap: 4 });
    pdf.fontSize(12);
    line('检查方式', inspectionCategoryLabels[item.category]);
    if (item.category === 'random') line('抽查比例和频次', `${item.ratio ?? ''}，${item.frequency ?? ''}`);
    else line('计划检查次数', `${item.plannedInspections ?? 0} 次`);
    line('检查对象类别', item.enterpriseCategories.join('、'));
    line('实施月份', item.months.map((month) => `${month}月`).join('、'));
    pdf.moveDown(0.5);
  });
  if (plan.note) line('说明', plan.note);
  pdf.moveDown(1.5);
  pdf.text(agencyName, { align: 'right', width });
  pdf.text(`${chineseDate(legalDateOf(new Date(plan.filedAt)))}报备`, { align: 'right', width });
  pdf.end();
  await done;
  return Buffer.concat(chunks);
}
