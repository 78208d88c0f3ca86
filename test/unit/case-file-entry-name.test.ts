import { describe, expect, it } from 'vitest';
import { safeEntryName } from '#shared/render/zip/case-file.ts';

describe('case-file ZIP entry names', () => {
  it.each([
    ['../../etc/passwd', '______etc_passwd'],
    ['a\\\\b', 'a__b'],
    ['询问笔录', '询问笔录'],
    ['penalty-decision', 'penalty-decision'],
    ['x\u0000y', 'x_y'],
  ])('[REC-2] %j stays inside documents/ as %j', (type, expected) => {
    expect(safeEntryName(type)).toBe(expected);
  });
});
