import { describe, expect, it } from 'vitest';
import {
  isResidentIdNumber,
  isUnifiedCreditCode,
  partyIdentifierRefusal,
} from '#shared/kernel/party-identifier.ts';

describe('the party is what its identifier says (GB 11643, GB 32100)', () => {
  it.each([
    // The standard's own example and numbers whose check characters are computed by hand.
    { value: '11010519491231002X', valid: true },
    { value: '530524198512120013', valid: true },
    { value: '530524197805061235', valid: true },
    { value: '110105194912310029', valid: false, why: 'wrong check digit' },
    { value: '530524197805061234', valid: false, why: 'wrong check digit' },
    { value: '530524198502300017', valid: false, why: 'no 30 February' },
    { value: '53052419851212001', valid: false, why: '17 digits' },
    { value: '5305241985121200１3', valid: false, why: 'a full-width digit' },
  ])('[LAW-3] resident ID $value is valid: $valid', ({ value, valid }) => {
    expect(isResidentIdNumber(value)).toBe(valid);
  });

  it.each([
    { value: '91350100M000100Y43', valid: true },
    { value: '52530524MJ0000000Q', valid: true },
    { value: '91530524MA6N1234XA', valid: true },
    { value: '91350100M000100Y42', valid: false, why: 'wrong check character' },
    { value: '52530524MJ0000000X', valid: false, why: 'wrong check character' },
    { value: '91350100M000100I43', valid: false, why: 'I is not in the character set' },
    { value: '91350100M000100Y4', valid: false, why: '17 characters' },
  ])('[LAW-3] unified social credit code $value is valid: $valid', ({ value, valid }) => {
    expect(isUnifiedCreditCode(value)).toBe(valid);
  });

  it.each([
    { kind: 'person', idNumber: '11010519491231002x', refused: undefined },
    { kind: 'organization', idNumber: '91350100M000100Y43', refused: undefined },
    { kind: 'organization', idNumber: '11010519491231002X', refused: '应登记为公民' },
    { kind: 'person', idNumber: '91350100M000100Y43', refused: '应登记为法人或其他组织' },
    { kind: 'person', idNumber: '110105194912310029', refused: 'GB 11643' },
    { kind: 'organization', idNumber: '91350100M000100Y42', refused: 'GB 32100' },
  ] as const)('[LAW-3] a $kind registered under $idNumber: $refused', ({ kind, idNumber, refused }) => {
    const refusal = partyIdentifierRefusal(kind, idNumber);
    if (refused === undefined) expect(refusal).toBeUndefined();
    else expect(refusal).toContain(refused);
  });
});
