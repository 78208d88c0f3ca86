import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The requirements, the HTTP contract and the bureau's plan live in the repository (`docs/`), copied
 * from the team's shared folder beside the checkout (`../shared/`), which stays their source. Where
 * that folder is present, the copies must be the same text, so that the two never drift: copy them
 * again when they change. `docs/api.md` is the contract verbatim followed by a pointer to this
 * project's additions.
 */
const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

const copies = [
  { copy: 'docs/requirements.md', source: '../shared/docs/requirements.md', whole: true },
  { copy: 'docs/api.md', source: '../shared/docs/api.md', whole: false },
  {
    copy: 'docs/implementation-plan.zh.txt',
    source: '../shared/seed/implementation-plan.zh.txt',
    whole: true,
  },
];

describe('the shared documents inside the repository', () => {
  it('every requirement ID cited by a test title is defined in docs/requirements.md', () => {
    const defined = new Set(
      read('docs/requirements.md')
        .match(/^- [A-Z]{3}-\d+/gm)
        ?.map((line) => line.slice(2)),
    );
    expect(defined.size).toBeGreaterThan(40);
    for (const id of ['PUB-1', 'REC-12', 'REV-3', 'ORG-5', 'LAW-12', 'SUP-1', 'INS-1', 'PUB-16']) {
      expect(defined, id).toContain(id);
    }
  });

  it('docs/api.md ends by pointing to the additions, which exist', () => {
    expect(read('docs/api.md')).toContain('(api-additions.md)');
    expect(read('docs/api-additions.md')).toMatch(/^# /);
  });

  it.each(copies)(
    '$copy is in the repository and, where $source is beside it, the same text',
    ({ copy, source, whole }) => {
      const actual = read(copy);
      expect(actual.length).toBeGreaterThan(1000);
      if (!existsSync(new URL(source, root))) return;
      const expected = read(source);
      if (whole) expect(actual).toBe(expected);
      else expect(actual.startsWith(expected), `${copy} must begin with ${source} verbatim`).toBe(true);
    },
  );
});
