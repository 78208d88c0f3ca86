import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseRecord, Decision } from '#shared/domain/cases/case.ts';
import { maskPersonName, scrubText } from '#shared/domain/desensitise.ts';
import { buildPublicRecord } from '#shared/domain/public-record.ts';
import { defaultRule, type Publication } from '#shared/domain/publication.ts';

const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const given = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华'];
const chineseName = fc
  .tuple(fc.constantFrom(...surnames), fc.array(fc.constantFrom(...given), { minLength: 1, maxLength: 3 }))
  .map(([surname, rest]) => surname + rest.join(''));
const idNumber = fc
  .tuple(
    fc.stringMatching(/^[1-6]\d{5}$/),
    fc.date({ min: new Date('1940-01-01'), max: new Date('2008-12-31'), noInvalidDate: true }),
    fc.stringMatching(/^\d{3}[\dX]$/),
  )
  .map(([area, birth, tail]) => `${area}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${tail}`);
const phone = fc.stringMatching(/^1[3-9]\d{9}$/);

function publicRecordFor(name: string, id: string, mobile: string) {
  const record = {
    id: 'case-1',
    agencyId: 'a',
    category: 'penalty',
    title: `${name}违规案`,
    party: { kind: 'person', name, idNumber: id, phone: mobile, address: '昌宁县某街道1号' },
    officers: [],
    handlers: [],
    flags: {},
    status: 'decided',
  } as unknown as CaseRecord;
  const decision = {
    id: 'd',
    type: 'penalty',
    summary: `当事人${name}（身份证号${id}，电话${mobile}）未按规定办理，处警告`,
    legalBasis: `依据某条例，${name}应当改正`,
    penalty: { kind: 'warning' },
    decidedOn: '2026-11-02',
  } as unknown as Decision;
  return buildPublicRecord({
    record,
    decision,
    publication: { id: 'p' } as Publication,
    agencyName: '昌宁县民政局',
    rule: defaultRule('penalty'),
    publishedOn: '2026-11-03',
    expiresOn: '2027-02-01',
  });
}

describe('desensitising', () => {
  it('[LAW-5] no public record carries an 18-digit ID number, a phone, an address or the full name of a person (property)', () => {
    fc.assert(
      fc.property(chineseName, idNumber, phone, (name, id, mobile) => {
        const text = JSON.stringify(publicRecordFor(name, id, mobile));
        expect(text).not.toMatch(/\d{17}[\dX]/);
        expect(text).not.toContain(id);
        expect(text).not.toContain(mobile);
        expect(text).not.toContain('街道1号');
        expect(text).not.toContain(name);
        expect(text).toContain(maskPersonName(name));
      }),
      { numRuns: 300 },
    );
  });

  it('[LAW-5] masks a name to its surname and scrubs numbers from free text', () => {
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName('欧阳小明')).toBe('欧***');
    expect(scrubText('账号 6222 0212 3456 7890 123，座机 0875-6123456')).toBe(
      '账号 [账号已隐去]，座机 [电话已隐去]',
    );
  });
});
