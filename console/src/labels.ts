/** What users read for the API's codes (docs/api.md). */

import { beijingTimeText } from '../../shared/kernel/beijing-time.ts';
// The case's states and the penalties' names are the server's own (zod-free domain modules).
import { penaltyLabels } from '../../shared/kernel/penalty-labels.ts';

export { caseStatusLabels } from '../../shared/recording/domain/state-machine.ts';

/** The roles as staff call them (shared/kernel/principal.ts). */
export const roleLabels: Record<string, string> = {
  officer: '执法人员',
  'unit-head': '股室负责人',
  reviewer: '法制审核人员',
  leader: '机关负责人',
  admin: '系统管理员',
  supervisor: '执法监督人员',
  'calendar-admin': '日历管理员',
  'platform-admin': '平台管理员',
};

export const moveLabels: Record<string, string> = {
  investigating: '开始调查取证',
  hearing: '进入听证',
  'pending-decision': '调查终结，待作出决定',
  served: '决定书已送达',
  executed: '已执行完毕',
  closed: '结案',
  archived: '归档',
};

export const standardLabels: Record<string, string> = {
  'agency-and-officers': '执法主体合法、执法人员具备资格',
  procedure: '执法程序合法',
  'facts-and-evidence': '事实清楚、证据合法充分',
  'legal-basis-and-discretion': '适用法律准确、裁量适当',
  'within-powers': '未超越法定职权',
  documents: '执法文书完备规范',
  'criminal-transfer': '涉嫌犯罪应当移送司法机关',
};

export const penaltyKindLabels: Record<string, string> = penaltyLabels;

export const decisionTypeLabels: Record<string, string> = {
  penalty: '行政处罚决定',
  'no-penalty': '不予行政处罚决定',
  licensing: '行政许可决定',
  coercion: '行政强制决定',
  other: '其他行政执法决定',
};

export const categoryLabels: Record<string, string> = {
  penalty: '行政处罚',
  licensing: '行政许可',
  inspection: '行政检查',
  coercion: '行政强制',
  levy: '行政征收',
  requisition: '行政征用',
  other: '其他行政执法',
};

/** The category codes of the Chinese names matters lists use (执法类别). */
export const categoryOfLabel = (label: string): string | undefined =>
  Object.entries(categoryLabels).find(([, name]) => name === label)?.[0];

export const procedureLabels: Record<string, string> = { general: '普通程序', simple: '简易程序' };

export const partyKindLabels: Record<string, string> = { person: '公民', organization: '法人或其他组织' };

export const flagLabels: Record<string, string> = {
  majorPublicInterest: '涉及重大公共利益',
  majorSocialImpact: '可能造成重大社会影响',
  majorRights: '涉及重大权益',
  complex: '案情复杂',
  majorProperty: '涉及重大财产',
};

export const stepStatusLabels: Record<string, string> = {
  done: '已完成',
  missing: '未完成',
  waiting: '等待期限',
};

export const activityTypeLabels: Record<string, string> = {
  'on-site-inspection': '现场检查',
  'random-inspection': '随机抽查',
  'evidence-collection': '调查取证',
  'evidence-preservation': '证据保全',
  seizure: '查封扣押',
  'forced-execution': '强制执行',
  hearing: '听证',
  service: '送达',
  interview: '询问',
  other: '其他',
};

export const activityStatusLabels: Record<string, string> = { open: '进行中', completed: '已完成' };

/** Why an activity lacks its AV (shared/recording/domain/av-requirement.ts). */
export const avGapLabels: Record<string, string> = {
  open: '活动尚未完成，音像记录未归档',
  'open-av-archived': '音像记录已归档，请点击“完成此活动”',
  'no-evidence': '缺少已归档的音像记录',
};

export const reviewStatusLabels: Record<string, string> = {
  pending: '待审核',
  approved: '审核通过',
  problems: '存在问题',
  disputed: '有争议',
  resubmitted: '已重新提交',
};

/** A date and time as staff write it, in Beijing time (2026年12月7日 05:29). */
export function dateTime(iso: string | undefined): string {
  return iso ? beijingTimeText(iso) : '';
}

/** Today's date in China Standard Time, as YYYY-MM-DD (the legal date). */
export function today(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** A legal date or an instant's day as people write it: 2026年12月7日 (Beijing time). */
export function date(iso: string | undefined): string {
  if (!iso) return '';
  const legal = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (legal) return `${Number(legal[1])}年${Number(legal[2])}月${Number(legal[3])}日`;
  return new Date(iso).toLocaleDateString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
}

export const evidenceStatusLabels: Record<string, string> = {
  'pending-upload': '待上传',
  archived: '已归档',
  rejected: '已拒收',
};

export const publicationStatusLabels: Record<string, string> = {
  scheduled: '待公示',
  'deadline-unconfirmed': '期限待定',
  overdue: '已逾期',
  published: '已公示',
  withdrawn: '已撤回',
  expired: '公示期满',
  exempt: '不予公示',
};

export const checklistKindLabels: Record<string, string> = {
  matters: '行政执法事项清单',
  'random-inspections': '随机抽查事项清单',
  subjects: '行政执法主体资格清单',
  officers: '行政执法人员资格清单',
  'service-guides': '行政执法服务指南',
  'av-matters': '行政执法音像记录事项清单',
  'review-catalog': '重大执法决定法制审核目录清单',
};

const checklistStatusLabels: Record<string, string> = {
  draft: '草稿',
  published: '现行',
  superseded: '已被替代',
};

/** A list's status in a word; an edition published to take effect later is 待施行 until its day. */
export function checklistStatus(list: { status: string; effectiveFrom?: string | undefined }): string {
  if (list.status === 'published' && list.effectiveFrom !== undefined && list.effectiveFrom > today())
    return '待施行';
  return checklistStatusLabels[list.status] ?? list.status;
}

/** What a complaint is about (SUP-1). */
export const complaintAboutLabels: Record<string, string> = {
  officer: '执法人员',
  decision: '执法决定',
  inspection: '行政检查',
  agency: '执法机关',
};

export const complaintStatusLabels: Record<string, string> = {
  received: '待答复',
  answered: '已答复',
  overdue: '逾期未答复',
};
