import { describe, expect, it } from 'vitest';
import { differences } from '../src/checklists/differences.ts';

describe('the differences a publisher sees before publishing a list', () => {
  it('[PUB-1] [PUB-2] names the items added, removed and changed, and the fields that changed', () => {
    const before = [
      { code: 'MZ-001', name: '养老机构监督检查', legalBasis: '《养老机构管理办法》' },
      { code: 'MZ-002', name: '社会组织年度检查', legalBasis: '《社会团体登记管理条例》' },
    ];
    const after = [
      { code: 'MZ-001', name: '养老机构监督检查', legalBasis: '《养老机构管理办法》第四十六条' },
      { code: 'MZ-003', name: '殡葬设施监督检查', legalBasis: '《殡葬管理条例》' },
    ];
    expect(differences(before, after)).toEqual([
      { code: 'MZ-001', name: '养老机构监督检查', change: 'changed', fields: ['legalBasis'] },
      { code: 'MZ-003', name: '殡葬设施监督检查', change: 'added', fields: [] },
      { code: 'MZ-002', name: '社会组织年度检查', change: 'removed', fields: [] },
    ]);
    expect(differences(after, after)).toEqual([]);
  });
});
