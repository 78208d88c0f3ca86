/** What users read for the API's codes (docs/api.md). */
export const caseStatusLabels: Record<string, string> = {
  registered: '已立案',
  investigating: '调查取证',
  hearing: '听证',
  'pending-decision': '待作出决定',
  decided: '已作出决定',
  served: '已送达',
  executed: '已执行',
  closed: '已结案',
  archived: '已归档',
  revoked: '已撤销',
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

export const activityStatusLabels: Record<string, string> = { 'in-progress': '进行中', completed: '已完成' };

export const reviewStatusLabels: Record<string, string> = {
  pending: '待审核',
  approved: '审核通过',
  problems: '存在问题',
  disputed: '有争议',
  resubmitted: '已重新提交',
};

/** A date and time as staff read it, in China Standard Time. */
export function dateTime(iso: string | undefined): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

export function date(iso: string | undefined): string {
  if (!iso) return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(iso)
    ? iso
    : new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });
}
