import { createRequire } from 'node:module';
import { brotliCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import decompress from '#infra/bundling/brotli/decompress.js';

const require = createRequire(import.meta.url);

describe('what Lambda bundles take in place of a dependency', () => {
  it('Node’s Brotli decodes what fontkit’s pure-JS decoder decodes, byte for byte', () => {
    const original = require('brotli/decompress.js') as (buffer: Uint8Array, size?: number) => Uint8Array;
    const text = Buffer.from(
      '行政执法公示 '.repeat(5000) + Array.from({ length: 3000 }, (_, n) => n).join(','),
    );
    const compressed = brotliCompressSync(text);
    const ours = decompress(compressed);
    expect(Buffer.from(ours).equals(text)).toBe(true);
    expect(Buffer.from(ours).equals(Buffer.from(original(compressed, text.length)))).toBe(true);
  });
});
