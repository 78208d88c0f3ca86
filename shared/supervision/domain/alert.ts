/**
 * The supervisory body's live alerts (SUP-5): what is late or irregular in an agency it
 * supervises, each with what it concerns and since when (the first day it was late, 北京时间).
 */
export const ALERT_KINDS = [
  'publication-late',
  'review-overdue',
  'complaint-overdue',
  'rectification-overdue',
  'annual-report-overdue',
  'inspection-beyond-limit',
  'inspection-repeated',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const alertTitles: Record<AlertKind, string> = {
  'publication-late': '行政执法决定逾期未公示',
  'review-overdue': '法制审核逾期未出具意见',
  'complaint-overdue': '投诉举报逾期未答复',
  'rectification-overdue': '监督意见逾期未报告整改',
  'annual-report-overdue': '上一年度行政执法数据逾期未公开',
  'inspection-beyond-limit': '对同一企业的现场检查超过年度次数上限',
  'inspection-repeated': '同一企业本年度多次接受现场检查',
};

/**
 * What an alert is about: a publication or review of a case, a complaint, a supervision opinion,
 * an annual report, an enterprise's inspections.
 */
export interface AlertSubject {
  kind: 'publication' | 'review' | 'complaint' | 'opinion' | 'annual-report' | 'inspection';
  id: string;
  caseId?: string;
  /** As people read it: the complaint's subject, the enterprise's name, the report's year. */
  name?: string;
}

export interface Alert {
  kind: AlertKind;
  title: string;
  concerns: AlertSubject;
  /** The first day it was late or raised (YYYY-MM-DD, 北京时间). */
  since: string;
}

export const alertOf = (kind: AlertKind, concerns: AlertSubject, since: string): Alert => ({
  kind,
  title: alertTitles[kind],
  concerns,
  since,
});
