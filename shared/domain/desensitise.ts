/**
 * Desensitising (LAW-5): what must never reach the public is removed from every free text that is
 * published — summaries, legal bases, reasons, inspection results. The public record itself is
 * built from an allow-list (shared/domain/public-record.ts); this redactor is the line that holds
 * inside free text, as officers write it: phone numbers in any format, ID, passport, permit and
 * bank card numbers, e-mails, plates, addresses, and the name of every natural person the case
 * knows. Text is normalised first (full-width letters and digits to half-width, zero-width and
 * other invisible characters removed), so look-alike writing does not slip through.
 */

export type PersonalDataKind =
  | 'name'
  | 'identifier'
  | 'id-number'
  | 'phone'
  | 'email'
  | 'passport-or-permit'
  | 'bank-card'
  | 'plate'
  | 'address';

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

/** Zero-width and other invisible characters (soft hyphen, joiners, variation selectors, fillers). */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u180e]/gu;

/**
 * Full-width ASCII letters, digits and the symbols that make up numbers and addresses of mail
 * become half-width; invisible characters go; ideographic and other spaces become one space.
 * Chinese punctuation (，。：（）) stays as written.
 */
export function normalise(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0b\uff0d\uff0e\uff20\uff3f]/g, (char) =>
      String.fromCharCode(char.charCodeAt(0) - 0xfee0),
    )
    .replace(/[\u2010-\u2015\u2212\ufe58\ufe63]/g, '-')
    .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ');
}

/** A digit, with the separators people put between digits: spaces, dashes, dots. */
const SEP = '[\\s\\-.·]{0,2}';
const digits = (count: number) => `\\d(?:${SEP}\\d){${count - 1}}`;

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const ROLE_BEFORE_NAME =
  '(?:证人|见证人|被询问人|被检查人|监护人|法定代表人|负责人|联系人|经办人|委托代理人|代理人|家属|亲属|配偶)';

/** Address units: administrative levels, and the fine-grained ones that make it a home or a door. */
const ADDRESS_UNIT =
  '(?:自治区|自治州|自治县|街道|社区|小区|单元|大道|省|市|州|盟|县|区|旗|乡|镇|村|组|路|街|巷|弄|里|号|栋|幢|座|室|楼|层)';
const SEGMENT =
  '(?:(?![局院厅会所委办部司处科股站队罚款元年月日条第在于对向从到与和及并被把将给的了是为经查依据])[\\u4e00-\\u9fa5A-Za-z0-9-])';
const FINE_UNIT = /(?:街道|社区|小区|单元|大道|乡|镇|村|组|路|街|巷|弄|里|号|栋|幢|座|室|楼|层)$/;

const patterns: {
  kind: PersonalDataKind;
  pattern: RegExp;
  replacement: string;
  accept?: (match: string) => boolean;
}[] = [
  {
    kind: 'email',
    pattern: /[A-Za-z0-9._%+-]*\s?@\s?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*/g,
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
    // A local number after a word that says it is one.
    pattern:
      /(?<=(?:电话|手机|座机|联系方式|联系|号码|tel|Tel|TEL)[:：\s号为是]{0,3})\d(?:[\s\-.]?\d){6,7}(?!\d)/g,
    replacement: '[电话已隐去]',
  },
  {
    kind: 'passport-or-permit',
    // Passports (E12345678, EA1234567), Hong Kong/Macau and Taiwan permits (C12345678, H1234567801),
    // Hong Kong identity cards (A123456(7)).
    pattern: /[A-Za-z]{1,2}\s?\d{6,10}(?:\s?[(（][0-9A-Za-z][)）])?(?!\d)/g,
    replacement: '[证件号已隐去]',
    accept: (match) => !/^(?:GB|DB|JB|HJ|JT|MZ)\s?\d/.test(match.toUpperCase()),
  },
  {
    kind: 'passport-or-permit',
    // Permits and cards named as such, whatever their shape.
    pattern:
      /(?<=(?:护照|通行证|台胞证|回乡证|居留证|身份证|证件)(?:号码|号)?[:：\s为是]{0,3})[A-Za-z0-9][A-Za-z0-9()（）\s-]{5,18}[A-Za-z0-9)）]/g,
    replacement: '[证件号已隐去]',
  },
  {
    kind: 'plate',
    pattern:
      /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领][A-Za-z][\s·•.-]?[A-HJ-NP-Za-hj-np-z0-9]{4,5}[A-HJ-NP-Za-hj-np-z0-9挂学警港澳]?/g,
    replacement: '[车牌号已隐去]',
  },
  {
    kind: 'name',
    pattern: new RegExp(`(?<=${ROLE_BEFORE_NAME}[:：\\s]?)[${SURNAMES}][\\u4e00-\\u9fa5]{1,2}`, 'g'),
    replacement: '[姓名已隐去]',
  },
  {
    kind: 'identifier',
    // Any other long run of digits that is not an amount: numbers run together, account numbers.
    pattern: /(?<!\d)\d(?:[\s\-.·]{0,2}[\dXx]){8,}(?![\d元万亿%％])/g,
    replacement: '[号码已隐去]',
  },
  {
    kind: 'address',
    // Two or more address segments, the last a fine-grained one: 田园镇某村3组15号, 某路88号2栋301室.
    // A segment does not run through an organisation's name (…局, …院, …所).
    pattern: new RegExp(
      `(?:${SEGMENT}{1,12}?${ADDRESS_UNIT}){2,}(?:[A-Za-z0-9-]{1,6}${ADDRESS_UNIT}?)?`,
      'g',
    ),
    replacement: '[地址已隐去]',
    accept: (match) => FINE_UNIT.test(match) || /\d/.test(match),
  },
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A known value, matched whatever spaces, dashes or invisible characters were put inside it. */
function loosely(value: string): RegExp | undefined {
  const characters = [...normalise(value).replace(/[\s\-.·]/g, '')];
  if (characters.length < 2) return undefined;
  return new RegExp(characters.map(escapeRegExp).join('[\\s\\-.·]*'), 'gi');
}

/** Every passage of `text` (normalised) that is personal data, in order, without overlaps. */
export function findPersonalData(text: string, context: RedactionContext = {}): Redaction[] {
  const normalised = normalise(text);
  const found: Redaction[] = [];
  const add = (
    kind: PersonalDataKind,
    pattern: RegExp,
    replacement: string,
    accept = (_: string) => true,
  ) => {
    for (const match of normalised.matchAll(pattern)) {
      if (!accept(match[0])) continue;
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
  for (const { kind, pattern, replacement, accept } of patterns) add(kind, pattern, replacement, accept);
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
