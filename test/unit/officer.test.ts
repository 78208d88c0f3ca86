import { describe, expect, it } from 'vitest';
import {
  effectiveStatus,
  type Officer,
  OfficerInput,
  qualificationRefusal,
  statusChangeRefusal,
} from '#shared/organisation/domain/officer.ts';

const officer = (overrides: Partial<Officer> = {}): Officer => ({
  name: '李明华',
  unitId: 'shswg',
  position: '股长',
  certificateNo: 'YN-0001',
  categories: ['penalty', 'inspection'],
  region: '昌宁县',
  validFrom: '2024-01-01',
  validTo: '2026-12-31',
  agencyId: 'a',
  status: 'valid',
  statusHistory: [],
  createdAt: '2024-01-01T00:00:00.000Z',
  createdBy: 'admin',
  version: 1,
  ...overrides,
});

describe('certificate status', () => {
  it('[PUB-5] expiry is computed from validTo on the day asked, not stored', () => {
    expect(effectiveStatus(officer(), '2026-12-31')).toBe('valid');
    expect(effectiveStatus(officer(), '2027-01-01')).toBe('expired');
    expect(effectiveStatus(officer(), '2023-12-31')).toBe('not-yet-valid');
  });

  it('[PUB-5] suspension and revocation win over the validity dates', () => {
    expect(effectiveStatus(officer({ status: 'suspended' }), '2025-06-01')).toBe('suspended');
    expect(effectiveStatus(officer({ status: 'revoked' }), '2030-01-01')).toBe('revoked');
  });

  it('[PUB-5] a revoked certificate cannot change status again', () => {
    expect(statusChangeRefusal(officer({ status: 'revoked' }), { status: 'valid', reason: '恢复' })).toMatch(
      /吊销/,
    );
    expect(
      statusChangeRefusal(officer({ status: 'suspended' }), { status: 'valid', reason: '审验通过' }),
    ).toBeUndefined();
    expect(
      statusChangeRefusal(officer(), { status: 'valid', reason: '审验', validTo: '2023-01-01' }),
    ).toMatch(/不能早于/);
  });
});

describe('who may act in a case', () => {
  const acting = { date: '2026-06-01', category: 'penalty' as const, region: '昌宁县' };

  it('[PUB-7] [LAW-2] a valid certificate for the category and region qualifies', () => {
    expect(qualificationRefusal(officer(), acting)).toBeUndefined();
  });

  it('[PUB-7] [LAW-2] a wrong category, a wrong region, expiry or suspension each disqualify, with the reason', () => {
    expect(qualificationRefusal(officer({ categories: ['inspection'] }), acting)).toContain('行政处罚');
    expect(qualificationRefusal(officer({ region: '施甸县' }), acting)).toContain('施甸县');
    expect(qualificationRefusal(officer(), { ...acting, date: '2027-01-01' })).toContain('已过期');
    expect(qualificationRefusal(officer({ status: 'suspended' }), acting)).toContain('暂扣');
  });
});

describe('officer input', () => {
  const valid = {
    name: '张三',
    unitId: 'u1',
    position: '科员',
    certificateNo: 'X-1',
    categories: ['penalty'],
    region: '昌宁县',
    validFrom: '2025-01-01',
    validTo: '2025-12-31',
  };

  it('accepts a complete certificate', () => {
    expect(OfficerInput.safeParse(valid).success).toBe(true);
  });

  it('names each bad field: end before start, impossible date, duplicate or unknown category, unsafe number', () => {
    const paths = (input: object) =>
      (OfficerInput.safeParse(input).error?.issues ?? []).map((issue) => issue.path.join('.'));
    expect(paths({ ...valid, validTo: '2024-12-31' })).toEqual(['validTo']);
    expect(paths({ ...valid, validFrom: '2025-02-30' })).toEqual(['validFrom']);
    expect(paths({ ...valid, categories: ['penalty', 'penalty'] })).toEqual(['categories']);
    expect(paths({ ...valid, categories: ['fishing'] })).toEqual(['categories.0']);
    expect(paths({ ...valid, certificateNo: 'a/b' })).toEqual(['certificateNo']);
  });

  it('[PUB-5] keeps a certificate number in capitals, so one typed in small letters is the same', () => {
    expect(OfficerInput.parse({ ...valid, certificateNo: ' yn-cn-mz-0002 ' }).certificateNo).toBe(
      'YN-CN-MZ-0002',
    );
  });
});
