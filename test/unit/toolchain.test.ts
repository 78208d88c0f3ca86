import { describe, expect, it } from 'vitest';

describe('toolchain', () => {
  it('runs on the Node.js major that Lambda runs (24), pinned by the node devDependency', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
  });
});
