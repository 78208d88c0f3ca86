import { mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureSystemPackages } from '#local/system-packages.ts';

const path = process.env.PATH;
afterEach(() => {
  process.env.PATH = path;
  vi.restoreAllMocks();
});

describe('system packages for the one-machine runtime', () => {
  it('does nothing when java, radosgw, chromium and CJK fonts are there', async () => {
    const lines: string[] = [];
    await ensureSystemPackages((line) => lines.push(line));
    expect(lines).toEqual([]);
  });

  it('without root, names what is missing and prints the exact apt command instead of installing', async () => {
    // A PATH with nothing but a shell: java and radosgw are not found.
    const bin = await mkdtemp(join(tmpdir(), 'only-sh-'));
    await symlink('/bin/sh', join(bin, 'sh'));
    process.env.PATH = bin;
    vi.spyOn(process, 'getuid').mockReturnValue(1000);
    const failure = await ensureSystemPackages(() => undefined).then(
      () => undefined,
      (error: Error) => error.message,
    );
    expect(failure).toContain('radosgw');
    expect(failure).toContain('apt-get install --no-install-recommends -y');
    expect(failure).toContain('ceph-osd');
  });
});
