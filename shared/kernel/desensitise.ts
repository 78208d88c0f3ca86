/**
 * Desensitising (LAW-5): what must never reach the public is removed from every free text that is
 * published — summaries, legal bases, reasons, inspection results. The public record itself is
 * built from an allow-list (shared/publicity/domain/public-record.ts); this redactor is the line that holds
 * inside free text, as officers write it: phone numbers in any format, ID, passport, permit and
 * bank card numbers, e-mails, plates, addresses, and the name of every natural person the case
 * knows. Text is normalised first (full-width letters and digits to half-width, zero-width and
 * other invisible characters removed: `normalise.ts`), so look-alike writing does not slip through.
 */

import { HEALTH_TERMS } from '#shared/kernel/health-terms.ts';
import { normalise, SEP, SEPARATOR } from '#shared/kernel/normalise.ts';

export type PersonalDataKind =
  | 'name'
  | 'identifier'
  | 'id-number'
  | 'phone'
  | 'email'
  | 'passport-or-permit'
  | 'bank-card'
  | 'plate'
  | 'address'
  | 'health';

export const personalDataLabels: Record<PersonalDataKind, string> = {
  name: '姓名',
  identifier: '当事人信息',
  'id-number': '身份证号',
  phone: '电话',
  email: '电子邮箱',
  'passport-or-permit': '证件号码',
  'bank-card': '银行账号',
  plate: '车牌号',
  address: '地址',
  health: '健康信息',
};

/** What the case knows about the people in it: each of them is hidden wherever they appear. */
export interface RedactionContext {
  /** The party when a natural person: shown masked (张*) or, if the rule says so, in full. */
  party?: { name: string; shownAs: string } | undefined;
  /** Every other natural person the case's records name (interviewees, witnesses, recipients ...). */
  otherPeople?: readonly string[];
  /** The party's identifiers (ID number, phone, address): removed wherever they appear. */
  identifiers?: readonly string[];
}

export interface Redaction {
  kind: PersonalDataKind;
  /** The passage as found (in the normalised text). */
  text: string;
  start: number;
  end: number;
  replacement: string;
}

const digits = (count: number) => `\\d(?:${SEP}\\d){${count - 1}}`;

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤葛聂甘岳温柳鲁常康伍施乔牛俞殷华卜文颜庞樊兰殷饶谷单洪包左翟凌蓝安易梅喻祝管房童裴舒湛滕鲍柴车';
const COMPOUND_SURNAMES = '欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|令狐|长孙|宇文|司徒|夏侯|端木|申屠';
/** Words after which a person's name follows: witnesses, relatives, staff, those who report. */
const ROLE_BEFORE_NAME =
  '(?:证人|见证人|被询问人|被检查人|监护人|法定代表人|负责人|联系人|经办人|委托代理人|代理人|家属|亲属|配偶|其妻|其夫|妻子|丈夫|之妻|之夫|之子|之女|儿子|女儿|之父|之母|其父|其母|父亲|母亲|之弟|之兄|之妹|之姐|其弟|其兄|其妹|其姐|受害人|被害人|举报人|投诉人|申请人|司机|驾驶员|员工|护工|店员|老人|邻居|邻居家|同事|房东|租户|房客|承租人|出租人|朋友|同学|室友|工友|雇主|雇员|老板|合伙人|亲戚|表哥|表姐|表弟|表妹|堂兄|堂弟|堂姐|堂妹|舅舅|姨妈|叔叔|阿姨|伯父|岳父|岳母|公公|婆婆|女婿|儿媳|孙子|孙女|侄子|侄女|外甥|前妻|前夫|男友|女友|未婚妻|未婚夫|保姆|邻人|经营者|业主|店主|个体户)';
/** What follows a role word and is not a name (证人陈述属实, 负责人表示). */
const NOT_A_NAME =
  '(?!陈述|证明|证实|表示|承认|签字|签名|到场|在场|提供|出具|作证|说明|称|未|不|已|均|也|都|对|向|在|于|为|是)';
const PERSON_NAME = `(?:(?:${COMPOUND_SURNAMES})[\\u4e00-\\u9fa5]{1,2}|[${SURNAMES}][\\u4e00-\\u9fa5]{1,2}|[\\u4e00-\\u9fa5]{2,4}·[\\u4e00-\\u9fa5]{2,6})`;
/** Health data (LAW-5): what a person suffers from is never published; longest words first. */
const HEALTH = [...HEALTH_TERMS].sort((a, b) => b.length - a.length).join('|');

/** Address units: administrative levels, and the fine-grained ones that make it a home or a door. */
const ADDRESS_UNIT =
  '(?:自治区|自治州|自治县|街道|社区|小区|单元|大道|省|市|州|盟|县|区|旗|乡|镇|村|组|路|街|巷|弄|里|号|栋|幢|座|室|楼|层)';
const SEGMENT =
  '(?:(?![局院厅会所委办部司处科股站队罚款元年月日条第在于对向从到与和及并被把将给的了是为经查依据《》])[\\u4e00-\\u9fa5A-Za-z0-9-])';
/** An address followed by one of these is an organisation's name, which is public. */
const NOT_AFTER_ADDRESS =
  '(?!人民政府|人民法院|人民检察院|政府|卫生院|医院|派出所|中心|学校|小学|中学|居委会|村委会|委员会|办事处|司法所|财政所|供电所|民政|市场监督|公安|交通运输|运输|管理|条例|办法|规定)';
const FINE_UNIT = /(?:街道|社区|小区|单元|大道|乡|镇|村|组|路|街|巷|弄|里|号|栋|幢|座|室|楼|层)$/;

const patterns: {
  kind: PersonalDataKind;
  pattern: RegExp;
  replacement: string;
  accept?: (match: string) => boolean;
}[] = [
  {
    kind: 'email',
    // Also written with （at）, [at], 艾特 or ＠ for @.
    pattern:
      /[A-Za-z0-9._%+-]*\s?(?:@|﹫|[(（[【]\s?(?:at|AT)\s?[)）\]】]|\s(?:at|AT)\s|艾特)\s?[A-Za-z0-9-]+(?:\s?(?:\.|[(（[【]\s?(?:dot|DOT)\s?[)）\]】]|\s(?:dot|DOT)\s)\s?[A-Za-z0-9-]+)*/g,
    replacement: '[邮箱已隐去]',
  },
  {
    kind: 'id-number',
    pattern: new RegExp(`(?<!\\d)(?:${digits(17)}${SEP}[\\dXx]|${digits(15)})(?!\\d)`, 'g'),
    replacement: '[身份证号已隐去]',
  },
  {
    kind: 'bank-card',
    pattern: new RegExp(`(?<!\\d)${digits(16)}(?:${SEP}\\d){0,3}(?!\\d)`, 'g'),
    replacement: '[账号已隐去]',
  },
  {
    kind: 'phone',
    // Mobile numbers, with or without +86 / 0086, in any grouping.
    pattern: new RegExp(`(?<!\\d)(?:(?:\\+|00)?86${SEP})?1${SEP}[3-9](?:${SEP}\\d){9}(?!\\d)`, 'g'),
    replacement: '[电话已隐去]',
  },
  {
    kind: 'phone',
    // Landlines with an area code: 0871-1234567, (0871)12345678, 0871 1234 5678.
    pattern: new RegExp(
      `(?:\\(0\\d{2,3}\\)|（0\\d{2,3}）|(?<!\\d)0\\d{2,3})${SEP}\\d{3,4}${SEP}\\d{4}(?!\\d)`,
      'g',
    ),
    replacement: '[电话已隐去]',
  },
  {
    kind: 'phone',
    // A number after a word that says it is one (a local number, a tail number, a QQ number).
    pattern: new RegExp(
      `(?<=(?:电话|手机|座机|固话|联系方式|联系|号码|尾号|tel|Tel|TEL)[:：\\s号为是]{0,3})\\d(?:${SEP}\\d){3,11}(?!\\d)`,
      'g',
    ),
    replacement: '[电话已隐去]',
  },
  {
    kind: 'bank-card',
    // An account or card number named as such, however short.
    pattern: new RegExp(
      `(?<=(?:账号|帐号|卡号|银行卡|账户|帐户|尾号)[:：\\s号为是]{0,3})\\d(?:${SEP}\\d){3,24}(?!\\d)`,
      'g',
    ),
    replacement: '[账号已隐去]',
  },
  {
    kind: 'identifier',
    // Social accounts named as such: 微信 wxid_abc123, QQ 12345678.
    pattern: /(?<=(?:微信号?|QQ号?|qq号?|抖音号?|微博)[:：\s为是]{0,3})[A-Za-z0-9_-]{5,30}/g,
    replacement: '[账号已隐去]',
  },
  {
    kind: 'passport-or-permit',
    // Passports (E12345678, EA1234567), Hong Kong/Macau and Taiwan permits (C12345678, H1234567801),
    // Hong Kong identity cards (A123456(7)); not the tail of a longer code (JJG1234567).
    pattern: new RegExp(
      `[A-Za-z\\u0400-\\u04ff]{1,2}${SEP}\\d(?:${SEP}\\d){5,9}(?:\\s?[(（][0-9A-Za-z][)）])?(?!\\d)`,
      'g',
    ),
    replacement: '[证件号已隐去]',
    accept: (match) => !/^(?:GB|DB|JB|HJ|JT|MZ|ZF)/.test(match.toUpperCase()),
  },
  {
    kind: 'passport-or-permit',
    // Permits and cards named as such, whatever their shape.
    pattern:
      /(?<=(?:护照|通行证|台胞证|回乡证|居留证|身份证|证件)(?:号码|号)?[:：\s为是]{0,3})[A-Za-z0-9][A-Za-z0-9\s-]{5,18}[A-Za-z0-9](?:\s?[(（][0-9A-Za-z][)）])?/g,
    replacement: '[证件号已隐去]',
  },
  {
    kind: 'plate',
    pattern:
      /[京津沪渝冀豫云滇辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵黔粤青藏川蜀宁琼使领][\s·•.-]?[A-Za-z][\s·•.-]?(?:[A-HJ-NP-Za-hj-np-z0-9OoIⅠ][\s·•.-]?){4,5}[A-HJ-NP-Za-hj-np-z0-9挂学警港澳]?/g,
    replacement: '[车牌号已隐去]',
  },
  {
    kind: 'name',
    // A name after a word that says a person follows (证人孙大明, 其母孙小圣, 法定代表人为孙大明),
    // and the names listed after it (证人孙大明、周小梅).
    pattern: new RegExp(
      `(?<=${ROLE_BEFORE_NAME}[:：\\s为是（(]{0,2})${NOT_A_NAME}${PERSON_NAME}(?:[、，,和及与]${PERSON_NAME})*`,
      'g',
    ),
    replacement: '[姓名已隐去]',
  },
  {
    kind: 'health',
    pattern: new RegExp(`(?:患有|确诊为?|诊断为|罹患)[^，。；,;）)]{1,15}|(?:${HEALTH})(?:阳性|患者)?`, 'g'),
    replacement: '[健康信息已隐去]',
  },
  {
    kind: 'identifier',
    // Any other long run of digits that is not an amount, a quantity, a date or a standard's
    // number: numbers run together, account numbers.
    pattern: new RegExp(
      `(?<![\\d.]|\\/\\s?)\\d(?:${SEPARATOR}{0,2}[\\dXx]){8,}(?![\\d.,元万亿%％件吨份辆箱套]|个(?!人))`,
      'g',
    ),
    replacement: '[号码已隐去]',
  },
  {
    kind: 'address',
    // Where someone lives, as told (家住…, 住址：…), up to the last part of an address in the phrase.
    pattern:
      /(?<=(?:家住|住址|住所|现住|居住在|居住于|住在|户籍地|户籍所在地|家庭地址)[:：\s为是在于]{0,2})[^，。；,;）)\n]{0,30}(?:号|室|栋|幢|单元|组|村|社区|小区|路|街|巷|弄|里|院|旁边|旁|对面|宿舍|附近|楼|层|家|\d)/g,
    replacement: '[地址已隐去]',
  },
  {
    kind: 'address',
    // A compound door number after a community or street: 翠湖小区3-2-301, 新华路88-1.
    pattern: new RegExp(`${SEGMENT}{1,12}?(?:小区|社区|村|路|街|巷|弄|大道)\\d{1,4}(?:-\\d{1,4}){1,3}`, 'g'),
    replacement: '[地址已隐去]',
  },
  {
    kind: 'address',
    // Two or more address segments, the last a fine-grained one: 田园镇某村3组15号, 某路88号2栋301室.
    // A segment does not run through an organisation's name (…局, …院) or a title (《…》).
    pattern: new RegExp(
      `(?:${SEGMENT}{1,12}?${ADDRESS_UNIT}){2,}(?:[A-Za-z0-9〇一二三四五六七八九十-]{1,6}${ADDRESS_UNIT})*${NOT_AFTER_ADDRESS}`,
      'g',
    ),
    replacement: '[地址已隐去]',
    accept: (match) => FINE_UNIT.test(match) || /\d/.test(match),
  },
];

/**
 * Passages that stay as written whatever a number pattern thinks: dates, times, amounts of money,
 * statute titles, codes of organisations and standards, officers' certificate numbers.
 */
const PROTECTED = [
  /\d{4}\s?[-./年]\s?\d{1,2}\s?[-./月]\s?\d{1,2}日?(?:\s?[-至到~]\s?\d{4}\s?[-./年]\s?\d{1,2}\s?[-./月]\s?\d{1,2}日?)?/g,
  /\d{1,2}[:：]\d{2}/g,
  // An amount is at most 13 digits, grouped by thousands or not: a card number before it is no part of it.
  /(?<![\d,，])(?:\d{1,3}(?:[,，]\d{3})+|\d{1,13})(?:\.\d+)?\s?(?:元|万元|亿元)/g,
  /《[^》]{1,60}》/g,
  /(?<=(?:统一社会信用代码|社会信用代码|信用代码)[:：\s为是]{0,3})[0-9A-Z]{18}/g,
  /(?<=(?:执法证号?|信用代码|营业执照号?|注册号|许可证号|文号|编号)[:：\s为是]{0,3})[A-Za-z0-9-]{5,30}/g,
  /(?<![A-Za-z])(?:GB|DB\d{0,2}|JJG|JJF)(?:\/T)?\s?\d{3,}(?:[.-]\d+)*/g,
];
/**
 * The patterns a protected passage overrides: the broad ones (long numbers, cards, codes,
 * addresses). What the case knows, names, ID and phone numbers, e-mails and health
 * data are removed even inside a protected passage.
 */
const PROTECTABLE = new Set<RegExp>(
  patterns
    .filter(
      (entry) =>
        ['bank-card', 'passport-or-permit', 'address'].includes(entry.kind) ||
        entry.replacement === '[号码已隐去]',
    )
    .map((entry) => entry.pattern),
);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A known value, matched whatever spaces, punctuation or invisible characters were put inside it. */
function loosely(value: string): RegExp | undefined {
  const characters = [...normalise(value).replace(/[^\p{L}\p{N}]/gu, '')];
  if (characters.length < 2) return undefined;
  return new RegExp(characters.map(escapeRegExp).join(`${SEPARATOR}{0,3}`), 'gi');
}

/** Every passage of `text` (normalised) that is personal data, in order, without overlaps. */
export function findPersonalData(text: string, context: RedactionContext = {}): Redaction[] {
  const normalised = normalise(text);
  const found: Redaction[] = [];
  const add = (
    kind: PersonalDataKind,
    pattern: RegExp,
    replacement: string,
    accept = (_match: string, _start: number) => true,
  ) => {
    for (const match of normalised.matchAll(pattern)) {
      if (!accept(match[0], match.index)) continue;
      found.push({
        kind,
        text: match[0],
        start: match.index,
        end: match.index + match[0].length,
        replacement,
      });
    }
  };
  // What the case knows comes first: the party's own identifiers, then the people by name.
  for (const identifier of context.identifiers ?? []) {
    const pattern = loosely(identifier);
    if (pattern) add('identifier', pattern, '[已隐去]');
  }
  if (context.party) {
    const pattern = loosely(context.party.name);
    if (pattern) add('name', pattern, context.party.shownAs);
  }
  for (const person of context.otherPeople ?? []) {
    const pattern = loosely(person);
    if (pattern) add('name', pattern, '[姓名已隐去]');
  }
  const protectedRanges = PROTECTED.flatMap((pattern) =>
    [...normalised.matchAll(pattern)].map((match) => [match.index, match.index + match[0].length] as const),
  );
  const isProtected = (start: number, end: number) =>
    protectedRanges.some(([from, to]) => start < to && end > from);
  for (const { kind, pattern, replacement, accept } of patterns) {
    add(
      kind,
      pattern,
      replacement,
      (match, start) =>
        (accept ?? (() => true))(match) &&
        !(PROTECTABLE.has(pattern) && isProtected(start, start + match.length)),
    );
  }
  // Earlier and longer passages win; what overlaps one already taken is dropped.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Redaction[] = [];
  for (const item of found) {
    const last = kept.at(-1);
    if (last && item.start < last.end) {
      if (item.end > last.end) last.end = item.end;
      last.text = normalised.slice(last.start, last.end);
      continue;
    }
    kept.push({ ...item });
  }
  return kept;
}

/** The text as it may be published: normalised, every passage of personal data replaced. */
export function redact(text: string, context: RedactionContext = {}): string {
  const normalised = normalise(text);
  let result = '';
  let at = 0;
  for (const item of findPersonalData(text, context)) {
    result += normalised.slice(at, item.start) + item.replacement;
    at = item.end;
  }
  return result + normalised.slice(at);
}

/** 张三 -> 张*, 欧阳小明 -> 欧***: the surname stays, the rest is masked. */
export function maskPersonName(name: string): string {
  const characters = [...name.trim()];
  const [first = ''] = characters;
  return `${first}${'*'.repeat(Math.max(1, characters.length - 1))}`;
}
