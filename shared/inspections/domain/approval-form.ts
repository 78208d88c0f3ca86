import type * as z from 'zod';
import {
  type Inspection,
  type InspectionCounter,
  inspectionCategoryLabels,
  limitExceptionLabels,
} from '#shared/inspections/domain/inspection.ts';
import { beijingTimeText, chineseDate } from '#shared/kernel/dates.ts';
import { documentTemplates } from '#shared/recording/domain/documents.ts';

export type ApprovalFormFields = z.infer<(typeof documentTemplates)['inspection-approval']['fields']>;

/** What the 审批表 takes from the published list: the item as it is in force when the inspection starts. */
export interface ListedItem {
  name: string;
  basis: string;
  method: string;
}

/** Where the task comes from: its exception and reason, or the filed annual plan (and the draw of a random item). */
function taskSource(inspection: Inspection): string {
  if (inspection.exception)
    return `例外情形（${limitExceptionLabels[inspection.exception]}）：${inspection.reason ?? ''}`;
  const plan = inspection.plan ? `${inspection.plan.year}年度检查计划（第${inspection.plan.version}版）` : '';
  if (inspection.category === 'random') return plan ? `双随机抽查，${plan}` : '双随机抽查';
  return plan || inspectionCategoryLabels[inspection.category];
}

/**
 * The task's 行政检查审批表 (INS-1, INS-6), from the approved task and nobody's typing: the party
 * with its credit code, the item as listed, the source, basis and method, the planned day, the
 * inspectors with their certificates, the enterprise's other inspections by the agency this year
 * (its counter, which holds this one too), and the handler's and the approver's opinions.
 */
export function approvalForm(inspection: Inspection, item: ListedItem, counter: InspectionCounter) {
  const counted = Object.values(counter.counted).reduce((sum, count) => sum + (count ?? 0), 0);
  const fields: ApprovalFormFields = {
    inspectedParty: `${inspection.enterpriseName}（统一社会信用代码：${inspection.enterpriseCreditCode}）`,
    inspectionItem: `${inspection.itemCode} ${item.name}`,
    taskSource: taskSource(inspection),
    legalBasis: item.basis,
    inspectionMethod: item.method,
    plannedAt: inspection.plannedOn,
    inspectors: inspection.officers
      .map((certificateNo, index) => `${inspection.officerNames[index] || ''}（执法证号：${certificateNo}）`)
      .join('、'),
    inspectionsThisYear: Math.max(0, counted + counter.exceptions - 1),
    handlerOpinion: `拟于${chineseDate(inspection.plannedOn)}对${inspection.enterpriseName}实施${inspectionCategoryLabels[inspection.category]}，请予审批。`,
    ...(inspection.approvedAt
      ? {
          approvalOpinion: `同意。${inspection.approvedByName ? `审批人：${inspection.approvedByName}，` : ''}${beijingTimeText(inspection.approvedAt)}（北京时间）审批`,
        }
      : {}),
  };
  return documentTemplates['inspection-approval'].fields.parse(fields);
}
