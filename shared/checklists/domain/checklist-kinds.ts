import * as z from 'zod';
import { ActivityType, activityLabels } from '#shared/kernel/activity.ts';
import { PenaltyKind, penaltyLabels } from '#shared/kernel/penalty-kinds.ts';
import { categoryLabels, EnforcementCategory } from '#shared/organisation/domain/officer.ts';
import { DocumentTypeSchema, documentLabels } from '#shared/recording/domain/documents.ts';

/**
 * The seven lists of the plan (清单), each with a zod schema holding exactly the fields the plan
 * names, and the Chinese column headings agencies use in their spreadsheets. Every item has a
 * `code` unique within its list.
 */
export const CHECKLIST_KINDS = [
  'matters',
  'random-inspections',
  'subjects',
  'officers',
  'service-guides',
  'av-matters',
  'review-catalog',
] as const;
export const ChecklistKind = z.enum(CHECKLIST_KINDS);
export type ChecklistKind = z.infer<typeof ChecklistKind>;

export const kindLabels: Record<ChecklistKind, string> = {
  matters: '行政执法事项清单',
  'random-inspections': '随机抽查事项清单',
  subjects: '行政执法主体资格清单',
  officers: '行政执法人员资格清单',
  'service-guides': '行政执法服务指南',
  'av-matters': '行政执法音像记录事项清单',
  'review-catalog': '重大执法决定法制审核目录清单',
};

const code = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[^\s#/]+$/, { error: '编码不能包含空格、# 或 /' });
const text = (max = 500) => z.string().trim().min(1).max(max);
const longText = text(5000);

/** PUB-2 行政执法事项清单 */
export const MatterItem = z.strictObject({
  code,
  category: EnforcementCategory,
  name: text(200),
  legalBasis: longText,
  discretionBenchmark: longText,
  unit: text(100),
  /**
   * The field (领域, e.g. 养老服务) the matter belongs to: a case citing the matter is in this field,
   * which is what a review-catalog rule's `field` matches (REV-2); the officer does not type it.
   */
  field: text(100).optional(),
  /** As written in the list (20个工作日); a bare number is taken as days. */
  timeLimit: z.preprocess((value) => (typeof value === 'number' ? `${value}日` : value), text(100)),
});

/** PUB-3 随机抽查事项清单 */
export const RandomInspectionItem = z.strictObject({
  code,
  inspectingBody: text(200),
  basis: longText,
  objects: text(1000),
  content: longText,
  method: text(500),
  ratio: text(100),
  frequency: text(100),
});

/** PUB-4 行政执法主体资格清单 */
export const SubjectItem = z.strictObject({
  code,
  name: text(200),
  nature: text(100),
  fundingSource: text(100),
  staffing: text(200),
  subjectCategory: text(100),
  duties: longText,
  legalRepresentative: text(50),
  address: text(200),
});

/** PUB-5 行政执法人员资格清单: generated from the officer registry, never typed. */
export const OfficerItem = z.strictObject({
  code,
  name: text(50),
  unit: text(100),
  position: text(50),
  certificateNo: text(64),
  categories: z.array(EnforcementCategory).min(1),
  region: text(100),
});

/** PUB-6 行政执法服务指南, each for a matter of the matters list. */
export const ServiceGuideItem = z.strictObject({
  code,
  matterCode: code,
  name: text(200),
  basis: longText,
  unit: text(100),
  materials: longText,
  process: longText,
  timeLimit: text(100),
  supervision: text(1000),
  accountability: text(1000),
  remedies: text(1000),
  officeHours: text(200),
  address: text(200),
  phone: text(50),
});

/** REC-5 音像记录事项清单: which activities of which category need AV, or full-process AV. */
export const AvMatterItem = z.strictObject({
  code,
  category: EnforcementCategory,
  activityType: ActivityType,
  requirement: z.enum(['av', 'full-process-av']),
  note: text(500).optional(),
});

export const PARTY_KINDS = ['person', 'organization'] as const;
export const CASE_FLAGS = ['majorPublicInterest', 'majorSocialImpact', 'majorRights', 'complex'] as const;

/**
 * REV-2 法制审核目录清单: a rule matches when every condition it states holds; a decision is major
 * when any rule matches. Conditions: category, the agency's level and the case's field, penalty
 * kinds, party kind with a minimum amount in yuan (of the penalty or of the amount involved), a hearing held, outside the discretion benchmark, and
 * the case flags (major public interest, social impact, major rights, complexity).
 */
export const ReviewRuleItem = z.strictObject({
  code,
  title: text(500),
  category: EnforcementCategory.optional(),
  level: text(100).optional(),
  field: text(100).optional(),
  penaltyKinds: z.array(PenaltyKind).min(1).optional(),
  partyKind: z.enum(PARTY_KINDS).optional(),
  minAmount: z.number().nonnegative().max(1e12).optional(),
  /**
   * Which amount `minAmount` is compared with: the proposed fine or confiscation (`penalty`, the
   * default), the amount involved in the case (`involved`, 涉案金额), or whichever is larger.
   */
  amountBasis: z.enum(['penalty', 'involved', 'either']).optional(),
  hearingHeld: z.boolean().optional(),
  outsideDiscretionBenchmark: z.boolean().optional(),
  caseFlags: z.array(z.enum(CASE_FLAGS)).min(1).optional(),
  /** Documents a submission for review under this rule must include (REV-5). */
  requiredMaterials: z.array(DocumentTypeSchema).min(1).optional(),
});

export const itemSchemas = {
  matters: MatterItem,
  'random-inspections': RandomInspectionItem,
  subjects: SubjectItem,
  officers: OfficerItem,
  'service-guides': ServiceGuideItem,
  'av-matters': AvMatterItem,
  'review-catalog': ReviewRuleItem,
} satisfies Record<ChecklistKind, z.ZodObject>;

export type ChecklistItem<K extends ChecklistKind = ChecklistKind> = z.infer<(typeof itemSchemas)[K]>;

/** How a field is written in a spreadsheet cell. */
export type Cell =
  | { as: 'text' }
  | { as: 'number' }
  | { as: 'boolean' }
  | { as: 'enum'; labels: Record<string, string> }
  | { as: 'list'; labels?: Record<string, string> };

export interface Column {
  heading: string;
  cell: Cell;
}

const t: Cell = { as: 'text' };
const categoryCell: Cell = { as: 'enum', labels: categoryLabels };

type Columns<S extends z.ZodObject> = { [F in keyof z.infer<S> & string]-?: Column };

const flagLabels: Record<(typeof CASE_FLAGS)[number], string> = {
  majorPublicInterest: '涉及重大公共利益',
  majorSocialImpact: '可能造成重大社会影响',
  majorRights: '涉及重大权益',
  complex: '案情复杂涉及多个法律关系',
};

/** The Chinese column headings of each list, in spreadsheet order; exhaustive by type. */
export const columns: { [K in ChecklistKind]: Columns<(typeof itemSchemas)[K]> } = {
  matters: {
    code: { heading: '事项编码', cell: t },
    category: { heading: '执法类别', cell: categoryCell },
    name: { heading: '事项名称', cell: t },
    legalBasis: { heading: '执法依据', cell: t },
    discretionBenchmark: { heading: '裁量基准', cell: t },
    unit: { heading: '承办机构', cell: t },
    field: { heading: '所属领域', cell: t },
    timeLimit: { heading: '办理时限', cell: t },
  },
  'random-inspections': {
    code: { heading: '事项编码', cell: t },
    inspectingBody: { heading: '抽查主体', cell: t },
    basis: { heading: '抽查依据', cell: t },
    objects: { heading: '抽查对象', cell: t },
    content: { heading: '抽查内容', cell: t },
    method: { heading: '抽查方式', cell: t },
    ratio: { heading: '抽查比例', cell: t },
    frequency: { heading: '抽查频次', cell: t },
  },
  subjects: {
    code: { heading: '主体编码', cell: t },
    name: { heading: '机构名称', cell: t },
    nature: { heading: '机构性质', cell: t },
    fundingSource: { heading: '经费来源', cell: t },
    staffing: { heading: '队伍编制状况', cell: t },
    subjectCategory: { heading: '主体类别', cell: t },
    duties: { heading: '执法职责和权限', cell: t },
    legalRepresentative: { heading: '法定代表人', cell: t },
    address: { heading: '单位地址', cell: t },
  },
  officers: {
    code: { heading: '编码', cell: t },
    name: { heading: '姓名', cell: t },
    unit: { heading: '单位', cell: t },
    position: { heading: '职务', cell: t },
    certificateNo: { heading: '证件编号', cell: t },
    categories: { heading: '执法类别', cell: { as: 'list', labels: categoryLabels } },
    region: { heading: '执法区域', cell: t },
  },
  'service-guides': {
    code: { heading: '指南编码', cell: t },
    matterCode: { heading: '事项编码', cell: t },
    name: { heading: '事项名称', cell: t },
    basis: { heading: '办理依据', cell: t },
    unit: { heading: '承办机构', cell: t },
    materials: { heading: '申请材料', cell: t },
    process: { heading: '办理流程', cell: t },
    timeLimit: { heading: '办理时限', cell: t },
    supervision: { heading: '监督方式', cell: t },
    accountability: { heading: '责任追究', cell: t },
    remedies: { heading: '救济渠道', cell: t },
    officeHours: { heading: '办公时间', cell: t },
    address: { heading: '办公地址', cell: t },
    phone: { heading: '办公电话', cell: t },
  },
  'av-matters': {
    code: { heading: '编码', cell: t },
    category: { heading: '执法类别', cell: categoryCell },
    activityType: { heading: '执法环节', cell: { as: 'enum', labels: activityLabels } },
    requirement: {
      heading: '记录要求',
      cell: { as: 'enum', labels: { av: '音像记录', 'full-process-av': '全过程音像记录' } },
    },
    note: { heading: '备注', cell: t },
  },
  'review-catalog': {
    code: { heading: '编码', cell: t },
    title: { heading: '审核事项', cell: t },
    category: { heading: '执法类别', cell: categoryCell },
    level: { heading: '层级', cell: t },
    field: { heading: '领域', cell: t },
    penaltyKinds: { heading: '处罚种类', cell: { as: 'list', labels: penaltyLabels } },
    partyKind: {
      heading: '当事人类型',
      cell: { as: 'enum', labels: { person: '公民', organization: '法人或其他组织' } },
    },
    minAmount: { heading: '金额下限（元）', cell: { as: 'number' } },
    amountBasis: {
      heading: '金额依据',
      cell: {
        as: 'enum',
        labels: { penalty: '处罚金额', involved: '涉案金额', either: '处罚金额或涉案金额' },
      },
    },
    hearingHeld: { heading: '经过听证', cell: { as: 'boolean' } },
    outsideDiscretionBenchmark: { heading: '超出裁量基准', cell: { as: 'boolean' } },
    caseFlags: { heading: '案件情形', cell: { as: 'list', labels: flagLabels } },
    requiredMaterials: { heading: '必需送审材料', cell: { as: 'list', labels: documentLabels } },
  },
};
